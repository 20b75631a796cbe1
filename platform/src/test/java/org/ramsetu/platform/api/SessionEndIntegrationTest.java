package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.security.AccessTokens;
import org.ramsetu.platform.security.TokenKeys;

/**
 * An access token stops working the moment its session ends, not when it expires: logout, password
 * reset, a reused refresh token, a coordinator's revocation. And only tokens we issue, as we issue
 * them, are accepted.
 */
class SessionEndIntegrationTest {

    @Test
    void logoutEndsTheAccessTokenAtOnceAndLeavesTheAccountsOtherLoginsAlone() {
        var donor = Accounts.donor();
        var otherDevice = Accounts.newAccessToken(donor);
        assertThat(donor.client().get("/api/v1/me").status()).isEqualTo(200);

        var logout =
                PlatformInstance.client()
                        .post("/api/v1/auth/logout", Map.of("refreshToken", donor.refreshToken()));
        var after = donor.client().get("/api/v1/me");

        assertThat(logout.status()).isEqualTo(204);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("Content-Type")).startsWith("application/problem+json");
        assertThat(after.text("type")).endsWith("session-ended");
        assertThat(after.text("detail")).contains("signed out");
        assertThat(PlatformInstance.client().withToken(otherDevice).get("/api/v1/me").status())
                .isEqualTo(200);
    }

    @Test
    void aLogoutThatSendsOnlyTheAccessTokenEndsItsSession() {
        var patient = Accounts.patient();

        var logout = patient.client().post("/api/v1/auth/logout", "{}");

        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertThat(patient.client().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(
                        PlatformInstance.client()
                                .post(
                                        "/api/v1/auth/refresh",
                                        Map.of("refreshToken", patient.refreshToken()))
                                .status())
                .as("the refresh token of that login is signed out too")
                .isEqualTo(401);
        var audit =
                Accounts.coordinator()
                        .client()
                        .get("/api/v1/admin/audit?action=LOGOUT&actorId=" + patient.id());
        assertThat(audit.json().path("items").size()).isEqualTo(1);
    }

    @Test
    void aPasswordResetEndsEveryAccessTokenOfTheAccount() {
        var donor = Accounts.donor();
        String secondLogin = Accounts.newAccessToken(donor);
        ApiClient client = PlatformInstance.client();
        int mailsBefore = PlatformInstance.mail().mailsTo(donor.email(), 1).size();
        client.post("/api/v1/auth/password-reset", Map.of("email", donor.email()));
        String code = PlatformInstance.mail().code(donor.email(), mailsBefore + 1);

        var confirm =
                Accounts.confirmPasswordReset(
                        client, donor.email(), code, "another long passphrase");

        assertThat(confirm.status()).isEqualTo(204);
        assertThat(donor.client().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(client.withToken(secondLogin).get("/api/v1/me").status()).isEqualTo(401);
        for (String action : List.of("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET")) {
            assertThat(
                            Registry.audit(
                                    Accounts.coordinator(),
                                    action,
                                    "account",
                                    donor.id().toString()))
                    .as(action)
                    .singleElement()
                    .satisfies(
                            row ->
                                    assertThat(row.path("actorId").asString())
                                            .isEqualTo(donor.id().toString()));
        }
    }

    @Test
    void reusingARefreshTokenEndsTheAccessTokensOfThatLogin() {
        var donor = Accounts.donor();
        ApiClient anonymous = PlatformInstance.client();
        var rotated =
                anonymous.post(
                        "/api/v1/auth/refresh", Map.of("refreshToken", donor.refreshToken()));
        String newAccess = rotated.text("accessToken");
        assertThat(anonymous.withToken(newAccess).get("/api/v1/me").status()).isEqualTo(200);

        var replay =
                anonymous.post(
                        "/api/v1/auth/refresh", Map.of("refreshToken", donor.refreshToken()));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(anonymous.withToken(newAccess).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(donor.client().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aCoordinatorRevokesEverySessionOfAnAccountAndTheActIsAudited() {
        var donor = Accounts.donor();
        String secondLogin = Accounts.newAccessToken(donor);
        var coordinator = Accounts.coordinator();

        var byDonor =
                donor.client()
                        .post("/api/v1/admin/accounts/" + donor.id() + "/sessions/revoke", "{}");
        var unknown =
                coordinator
                        .client()
                        .post(
                                "/api/v1/admin/accounts/" + UUID.randomUUID() + "/sessions/revoke",
                                "{}");
        var revoked =
                coordinator
                        .client()
                        .post("/api/v1/admin/accounts/" + donor.id() + "/sessions/revoke", "{}");

        assertThat(byDonor.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(donor.client().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(PlatformInstance.client().withToken(secondLogin).get("/api/v1/me").status())
                .isEqualTo(401);
        assertThat(Accounts.newAccessToken(donor))
                .as("the account itself is not locked")
                .isNotBlank();
        var audit =
                coordinator
                        .client()
                        .get("/api/v1/admin/audit?action=SESSIONS_REVOKED&targetId=" + donor.id());
        assertThat(audit.json().path("items").size()).isEqualTo(1);
        assertThat(audit.json().path("items").get(0).path("actorId").asString())
                .isEqualTo(coordinator.id().toString());
    }

    @Test
    void onlyTokensAsWeIssueThemAreAccepted() {
        var donor = Accounts.donor();
        UUID session = UUID.randomUUID();

        String asIssued = forge(donor.id(), claims -> claims.claim("sid", session.toString()));
        String withoutExpiry =
                forge(
                        donor.id(),
                        claims -> claims.claim("sid", session.toString()).expirationTime(null));
        String lowerCaseRole =
                forge(
                        donor.id(),
                        claims -> claims.claim("sid", session.toString()).claim("role", "admin"));
        String paddedRole =
                forge(
                        donor.id(),
                        claims -> claims.claim("sid", session.toString()).claim("role", " DONOR"));
        String badSession = forge(donor.id(), claims -> claims.claim("sid", "not-a-session"));

        ApiClient client = PlatformInstance.client();
        assertThat(client.withToken(asIssued).get("/api/v1/me").status()).isEqualTo(200);
        for (String refused : new String[] {withoutExpiry, lowerCaseRole, paddedRole, badSession}) {
            assertThat(client.withToken(refused).get("/api/v1/me").status())
                    .as(refused)
                    .isEqualTo(401);
        }
        assertThat(client.withToken(lowerCaseRole).get("/api/v1/pledges").status()).isEqualTo(401);
    }

    @Test
    void aTokenFromBeforeSessionsWereNamedLivesUntilASessionOfItsAccountEnds() {
        var donor = Accounts.donor();
        String legacy = forge(donor.id(), UnaryOperator.identity());
        ApiClient client = PlatformInstance.client();
        assertThat(client.withToken(legacy).get("/api/v1/me").status()).isEqualTo(200);

        PlatformInstance.client()
                .post("/api/v1/auth/logout", Map.of("refreshToken", donor.refreshToken()));

        assertThat(client.withToken(legacy).get("/api/v1/me").status()).isEqualTo(401);
    }

    /** A donor token signed with the instance's key, shaped by {@code change}. */
    private static String forge(UUID account, UnaryOperator<JWTClaimsSet.Builder> change) {
        // iat a second back: the legacy rule compares whole seconds with the revocation time.
        Instant now = Instant.now().minusSeconds(1);
        JWTClaimsSet.Builder claims =
                new JWTClaimsSet.Builder()
                        .issuer(AccessTokens.ISSUER)
                        .audience(AccessTokens.AUDIENCE)
                        .subject(account.toString())
                        .claim(AccessTokens.ROLE_CLAIM, "DONOR")
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        SignedJWT jwt =
                new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims).build());
        try {
            jwt.sign(new MACSigner(new TokenKeys(PlatformInstance.jwtSecret()).accessTokenKey()));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
        return jwt.serialize();
    }
}
