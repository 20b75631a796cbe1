package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.security.AccessTokens;
import org.ramsetu.platform.security.TokenKeys;

/** Items 1–2: access tokens, rotating refresh tokens, logout, password reset. */
class TokenSecurityIntegrationTest {

    @Test
    void refreshRotatesAndReusingAnOldTokenRevokesTheWholeFamily() {
        var donor = Accounts.donor();
        ApiClient anonymous = PlatformInstance.client();

        var first =
                anonymous.post(
                        "/api/v1/auth/refresh", Map.of("refreshToken", donor.refreshToken()));
        String second = first.text("refreshToken");
        var replayOfFirst =
                anonymous.post(
                        "/api/v1/auth/refresh", Map.of("refreshToken", donor.refreshToken()));
        var secondAfterTheft =
                anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", second));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second).isNotEqualTo(donor.refreshToken());
        assertThat(replayOfFirst.status()).isEqualTo(401);
        assertThat(replayOfFirst.text("detail")).contains("used before");
        assertThat(secondAfterTheft.status()).as("the family is revoked").isEqualTo(401);
        var audit =
                Accounts.coordinator()
                        .client()
                        .get(
                                "/api/v1/admin/audit?action=REFRESH_TOKEN_REUSED&actorId="
                                        + donor.id());
        assertThat(audit.json().path("items").size()).isEqualTo(1);
    }

    @Test
    void logoutEndsTheLogin() {
        var patient = Accounts.patient();
        ApiClient anonymous = PlatformInstance.client();

        var logout =
                anonymous.post(
                        "/api/v1/auth/logout", Map.of("refreshToken", patient.refreshToken()));
        var refresh =
                anonymous.post(
                        "/api/v1/auth/refresh", Map.of("refreshToken", patient.refreshToken()));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh.status()).isEqualTo(401);
    }

    @Test
    void passwordResetByCodeChangesThePasswordAndSignsOutEverySession() {
        var donor = Accounts.donor();
        ApiClient client = PlatformInstance.client();
        int mailsBefore = PlatformInstance.mail().mailsTo(donor.email(), 1).size();

        var request = client.post("/api/v1/auth/password-reset", Map.of("email", donor.email()));
        var unknown =
                client.post(
                        "/api/v1/auth/password-reset", Map.of("email", Accounts.newEmail("ghost")));
        String code = PlatformInstance.mail().code(donor.email(), mailsBefore + 1);
        var weak = Accounts.confirmPasswordReset(client, donor.email(), code, "short");
        var confirm =
                Accounts.confirmPasswordReset(
                        client, donor.email(), code, "a brand new passphrase");

        assertThat(request.status()).isEqualTo(202);
        assertThat(unknown.status()).as("no hint whether an account exists").isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(request.body());
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").get(0).path("field").asString())
                .isEqualTo("newPassword");
        assertThat(confirm.status()).as(confirm.toString()).isEqualTo(204);
        assertThat(login(client, donor.email(), Accounts.PASSWORD).status()).isEqualTo(401);
        assertThat(login(client, donor.email(), "a brand new passphrase").status()).isEqualTo(200);
        assertThat(
                        client.post(
                                        "/api/v1/auth/refresh",
                                        Map.of("refreshToken", donor.refreshToken()))
                                .status())
                .as("sessions from before the reset are signed out")
                .isEqualTo(401);
    }

    @Test
    void forgedExpiredAndUnsignedTokensAreRefused() {
        var donor = Accounts.donor();
        String valid = Accounts.newAccessToken(donor);
        String[] parts = valid.split("\\.");
        String forgedPayload =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                new String(
                                                Base64.getUrlDecoder().decode(parts[1]),
                                                StandardCharsets.UTF_8)
                                        .replace("\"DONOR\"", "\"ADMIN\"")
                                        .getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        String unsigned =
                Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString("{\"alg\":\"none\"}".getBytes())
                        + "."
                        + forgedPayload
                        + ".";
        String otherKey =
                new AccessTokens(
                                new TokenKeys("a different secret that is long enough 0123"),
                                Duration.ofMinutes(5),
                                Clock.systemUTC())
                        .issue(donor.id(), Role.ADMIN, java.util.UUID.randomUUID());
        String expired =
                new AccessTokens(
                                new TokenKeys(PlatformInstance.jwtSecret()),
                                Duration.ofMinutes(15),
                                Clock.fixed(
                                        Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                        .issue(donor.id(), Role.DONOR, java.util.UUID.randomUUID());

        ApiClient client = PlatformInstance.client();
        for (String bad : new String[] {forged, unsigned, otherKey, expired}) {
            var response = client.withToken(bad).get("/api/v1/me");
            assertThat(response.status()).as(bad).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(client.withToken(forged).get("/api/v1/admin/audit").status()).isEqualTo(401);
    }

    @Test
    void aDonorTokenOpensNoCoordinatorDoorAndTheAttemptIsAudited() {
        var donor = Accounts.donor();

        var audit = donor.client().get("/api/v1/admin/audit");
        var jobs = donor.client().get("/actuator/jobs");

        assertThat(audit.status()).isEqualTo(403);
        assertThat(jobs.status()).isEqualTo(403);
        var denied =
                Accounts.coordinator()
                        .client()
                        .get("/api/v1/admin/audit?action=ACCESS_DENIED&actorId=" + donor.id());
        assertThat(denied.json().path("items").size()).isEqualTo(2);
    }

    private static ApiClient.Response login(ApiClient client, String email, String password) {
        return client.post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }
}
