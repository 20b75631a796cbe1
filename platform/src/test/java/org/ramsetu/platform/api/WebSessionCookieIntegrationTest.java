package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web application's cookie mode of the token endpoints (docs/SECURITY.md "Web sessions"): with
 * {@code X-RamSetu-Session: cookie} the refresh token travels only in an HttpOnly, Secure,
 * SameSite=Strict cookie scoped to {@code /api/v1/auth}; without the header nothing changes.
 */
class WebSessionCookieIntegrationTest {

    private static final String SESSION = "X-RamSetu-Session";

    @Test
    void loginInCookieModeSetsAnHttpOnlyStrictCookieAndKeepsTheTokenOutOfTheBody() {
        Accounts.SignedIn donor = Accounts.donor();
        var login = cookieLogin(donor.email());

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().path("accessToken").asString()).isNotBlank();
        assertThat(login.json().path("refreshToken").isNull()).isTrue();
        String cookie = login.header("Set-Cookie");
        assertThat(cookie)
                .startsWith("ramsetu_refresh=")
                .contains("Path=/api/v1/auth")
                .contains("HttpOnly")
                .contains("Secure")
                .contains("SameSite=Strict")
                .contains("Max-Age=1209600");
        assertThat(login.header("Cache-Control")).contains("no-store");
    }

    @Test
    void refreshReadsTheCookieRotatesItAndAnOldCookieRevokesTheLogin() {
        Accounts.SignedIn donor = Accounts.donor();
        String first = cookieValue(cookieLogin(donor.email()));

        var refreshed = cookieCall("/api/v1/auth/refresh", first);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.json().path("refreshToken").isNull()).isTrue();
        String second = cookieValue(refreshed);
        assertThat(second).isNotEqualTo(first);

        // Reuse of a rotated refresh token revokes the family, as in body mode.
        assertThat(cookieCall("/api/v1/auth/refresh", first).status()).isEqualTo(401);
        assertThat(cookieCall("/api/v1/auth/refresh", second).status()).isEqualTo(401);
    }

    @Test
    void theCookieCountsOnlyWithTheCustomHeaderSoACrossSiteFormCannotUseIt() {
        Accounts.SignedIn donor = Accounts.donor();
        String token = cookieValue(cookieLogin(donor.email()));

        var withoutHeader =
                PlatformInstance.client()
                        .withHeader("Cookie", "ramsetu_refresh=" + token)
                        .post("/api/v1/auth/refresh", "{}");
        assertThat(withoutHeader.status()).isEqualTo(401);
        assertThat(withoutHeader.header("Set-Cookie")).isNull();
        // ... and the cookie still works for the web app afterwards.
        assertThat(cookieCall("/api/v1/auth/refresh", token).status()).isEqualTo(200);
    }

    @Test
    void logoutInCookieModeRevokesTheLoginAndClearsTheCookie() {
        Accounts.SignedIn donor = Accounts.donor();
        String token = cookieValue(cookieLogin(donor.email()));

        var logout = cookieCall("/api/v1/auth/logout", token);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie"))
                .startsWith("ramsetu_refresh=;")
                .contains("Max-Age=0");
        assertThat(cookieCall("/api/v1/auth/refresh", token).status()).isEqualTo(401);
    }

    @Test
    void withoutTheHeaderTheDocumentedContractIsUnchanged() {
        Accounts.SignedIn donor = Accounts.donor();
        var login =
                PlatformInstance.client()
                        .post(
                                "/api/v1/auth/login",
                                Map.of("email", donor.email(), "password", Accounts.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).isNull();
        assertThat(login.json().path("refreshToken").asString()).isNotBlank();
        var missing = PlatformInstance.client().send("POST", "/api/v1/auth/refresh", null);
        assertThat(missing.status()).isEqualTo(400);
    }

    private static ApiClient.Response cookieLogin(String email) {
        return PlatformInstance.client()
                .withHeader(SESSION, "cookie")
                .post("/api/v1/auth/login", Map.of("email", email, "password", Accounts.PASSWORD));
    }

    private static ApiClient.Response cookieCall(String path, String refreshToken) {
        return PlatformInstance.client()
                .withHeader(SESSION, "cookie")
                .withHeader("Cookie", "ramsetu_refresh=" + refreshToken)
                .send("POST", path, null);
    }

    private static String cookieValue(ApiClient.Response response) {
        String cookie = response.header("Set-Cookie");
        assertThat(cookie).as(response.toString()).isNotNull();
        return cookie.substring("ramsetu_refresh=".length(), cookie.indexOf(';'));
    }
}
