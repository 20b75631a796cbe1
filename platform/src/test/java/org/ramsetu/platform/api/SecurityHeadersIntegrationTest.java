package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Item 7: headers, CORS allow-list, request size limits. */
class SecurityHeadersIntegrationTest {

    private final ApiClient client = PlatformInstance.client();

    /** The web app's pages, which only the product serves, are checked in app's tests. */
    @Test
    void everyResponseCarriesTheBrowserProtections() {
        var refused = client.get("/api/v1/me");
        var answered = Accounts.donor().client().get("/api/v1/me");

        BrowserProtections.assertCarriedBy(refused);
        BrowserProtections.assertCarriedBy(answered);
        assertThat(answered.header("Strict-Transport-Security")).as("HSTS only over TLS").isNull();
    }

    @Test
    void strictTransportSecurityBehindATlsProxy() {
        var response = client.withHeader("X-Forwarded-Proto", "https").get("/api/v1/me");

        assertThat(response.header("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void onlyConfiguredOriginsMayCallTheApiFromABrowser() {
        var allowed =
                client.withHeader("Origin", PlatformInstance.ALLOWED_ORIGIN)
                        .withHeader("Access-Control-Request-Method", "POST")
                        .send("OPTIONS", "/api/v1/auth/login", null);
        var foreign =
                client.withHeader("Origin", "https://evil.example")
                        .withHeader("Access-Control-Request-Method", "POST")
                        .send("OPTIONS", "/api/v1/auth/login", null);

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin"))
                .isEqualTo(PlatformInstance.ALLOWED_ORIGIN);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";

        var response = client.post("/api/v1/auth/login", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text("detail")).contains("at most");
    }

    @Test
    void unknownApiRoutesNeedAuthenticationFirstAndErrorsAreProblemDetails() {
        var anonymous = client.get("/api/v1/nothing-here");
        var signedIn = Accounts.donor().client().get("/api/v1/nothing-here");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(signedIn.status()).isEqualTo(404);
    }
}
