package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ramsetu.platform.api.Registry.audit;

import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.crypto.AuthenticatorApp;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.platform.accounts.CoordinatorAccounts;
import org.ramsetu.platform.accounts.RefreshTokens;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.security.AccessTokens;
import org.ramsetu.platform.security.TokenKeys;
import tools.jackson.databind.JsonNode;

/**
 * Coordinators sign in with a password and a second factor (TOTP with recovery codes), and give a
 * code again for sensitive actions once the last one is older than the window (1 hour).
 */
class SecondFactorIntegrationTest {

    @Test
    void aCoordinatorsRightPasswordAloneGivesNoTokensOnlyAChallenge() throws Exception {
        var coordinator = Accounts.coordinator();
        ApiClient anonymous = PlatformInstance.client();

        var login = passwordStep(anonymous, coordinator.email());
        var challengeAsBearer = anonymous.withToken(login.text("challenge")).get("/api/v1/me");
        var wrongCode = secondStep(anonymous, login.text("challenge"), "000000");
        var noChallenge = secondStep(anonymous, "not-a-challenge", "123456");
        var right = secondStep(anonymous, login.text("challenge"), currentCode(coordinator));

        assertThat(login.status()).as(login.toString()).isEqualTo(202);
        assertThat(login.text("secondFactor")).isEqualTo("required");
        assertThat(login.json().has("accessToken")).isFalse();
        assertThat(login.json().has("enrolment")).isFalse();
        assertThat(challengeAsBearer.status()).isEqualTo(401);
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noChallenge.status()).isEqualTo(401);
        assertThat(right.status()).as(right.toString()).isEqualTo(200);
        assertThat(secondFactorAt(right.text("accessToken")))
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(accountAudit(coordinator, "SECOND_FACTOR_FAILED", coordinator.id())).hasSize(1);
    }

    @Test
    void theFirstSignInSetsUpTheAuthenticatorAndAnswersTenRecoveryCodesOnce() {
        String email = unenrolledCoordinator("enrolling-coordinator", "New Coordinator");
        ApiClient client = PlatformInstance.client();

        var first = passwordStep(client, email);
        var again = passwordStep(client, email);
        String secret = enrolmentSecret(first);
        var confirmed =
                secondStep(client, again.text("challenge"), AuthenticatorApp.nextCode(secret));
        var later = passwordStep(client, email);
        var laterSignedIn =
                secondStep(client, later.text("challenge"), AuthenticatorApp.nextCode(secret));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.text("secondFactor")).isEqualTo("enrolment");
        assertThat(Totp.decodeSecret(secret)).isPresent();
        assertThat(first.json().path("enrolment").path("uri").asString())
                .startsWith("otpauth://totp/RamSetu:")
                .contains("secret=" + secret);
        assertThat(enrolmentSecret(again))
                .as("the same key until it is confirmed")
                .isEqualTo(secret);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(c -> codes.add(c.asString()));
        assertThat(codes)
                .hasSize(10)
                .doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
        assertThat(later.text("secondFactor")).isEqualTo("required");
        assertThat(later.json().has("enrolment")).isFalse();
        assertThat(laterSignedIn.status()).isEqualTo(200);
        assertThat(laterSignedIn.json().has("recoveryCodes")).isFalse();
    }

    @Test
    void aCodeSignsInOnceAndARecoveryCodeSignsInOnce() {
        String email = unenrolledCoordinator("recovering-coordinator", "Coordinator");
        ApiClient client = PlatformInstance.client();
        var enrol = passwordStep(client, email);
        String secret = enrolmentSecret(enrol);
        String code = AuthenticatorApp.nextCode(secret);
        var enrolled = secondStep(client, enrol.text("challenge"), code);
        String recoveryCode = enrolled.json().path("recoveryCodes").get(0).asString();

        var replayed = signIn(client, email, code);
        var recovered = signIn(client, email, recoveryCode);
        var recoveredAgain = signIn(client, email, recoveryCode);

        assertThat(enrolled.status()).isEqualTo(200);
        assertThat(replayed.status()).as("a code is good once").isEqualTo(401);
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(recoveredAgain.status()).isEqualTo(401);
        var signedIn = client.withToken(recovered.text("accessToken"));
        var me = signedIn.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        var auditor = Accounts.coordinator();
        UUID id = UUID.fromString(me.text("id"));
        assertThat(accountAudit(auditor, "RECOVERY_CODE_USED", id)).hasSize(1);
        assertThat(accountAudit(auditor, "SECOND_FACTOR_ENROLLED", id)).hasSize(1);
    }

    @Test
    void aCoordinatorReplacesTheRecoveryCodesWithACurrentCodeAndTheOldOnesStopWorking() {
        String email = unenrolledCoordinator("replacing-coordinator", "Coordinator");
        ApiClient client = PlatformInstance.client();
        var enrol = passwordStep(client, email);
        String secret = enrolmentSecret(enrol);
        var enrolled =
                secondStep(
                        client, enrol.text("challenge"), AuthenticatorApp.nextCode(email, secret));
        String oldCode = enrolled.json().path("recoveryCodes").get(0).asString();
        ApiClient signedIn = client.withToken(enrolled.text("accessToken"));

        var byRecoveryCode =
                signedIn.post("/api/v1/auth/second-factor/recovery-codes", Map.of("code", oldCode));
        var replaced =
                signedIn.post(
                        "/api/v1/auth/second-factor/recovery-codes",
                        Map.of("code", AuthenticatorApp.nextCode(email, secret)));
        var oldOne = signIn(client, email, oldCode);
        String newCode = replaced.json().path("recoveryCodes").get(0).asString();
        var newOne = signIn(client, email, newCode);
        var anonymous =
                client.post("/api/v1/auth/second-factor/recovery-codes", Map.of("code", "123456"));

        assertThat(byRecoveryCode.status())
                .as("a recovery code cannot mint new ones")
                .isEqualTo(400);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.header("Cache-Control")).contains("no-store");
        assertThat(replaced.json().path("recoveryCodes")).hasSize(10);
        assertThat(oldOne.status()).isEqualTo(401);
        assertThat(newOne.status()).as(newOne.toString()).isEqualTo(200);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void fiveWrongCodesLockTheSecondFactorEvenForTheRightCode() {
        var coordinator = Accounts.coordinator();
        ApiClient client = PlatformInstance.client();
        String challenge = passwordStep(client, coordinator.email()).text("challenge");

        List<Integer> wrong = new ArrayList<>();
        // Every fifth wrong code in a row locks the factor, first for 15 minutes.
        for (int i = 0; i < 5; i++) {
            wrong.add(secondStep(client, challenge, String.format("%06d", i)).status());
        }
        var right = secondStep(client, challenge, currentCode(coordinator));

        assertThat(wrong).containsOnly(401);
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(800L, 900L);
        assertThat(accountAudit(coordinator, "SECOND_FACTOR_LOCKED_OUT", coordinator.id()))
                .hasSize(1);
    }

    @Test
    void sensitiveActionsWantTheSecondFactorWithinTheHourAndAStepUpRenewsIt() throws Exception {
        var coordinator = Accounts.coordinator();
        var donor = Accounts.donor();
        String session =
                SignedJWT.parse(coordinator.client().token())
                        .getJWTClaimsSet()
                        .getStringClaim(AccessTokens.SESSION_CLAIM);
        ApiClient stale =
                PlatformInstance.client()
                        .withToken(
                                tokens().issue(
                                                coordinator.id(),
                                                Role.ADMIN,
                                                UUID.fromString(session),
                                                Optional.of(
                                                        Instant.now()
                                                                .minus(Duration.ofMinutes(61)))));
        String revoke = "/api/v1/admin/accounts/" + Accounts.patient().id() + "/sessions/revoke";

        var refused = stale.post(revoke, "{}");
        var encoded = stale.post(revoke.replace("/accounts/", "/%61ccounts/"), "{}");
        var dailyRead = stale.get("/api/v1/admin/donors?limit=1");
        var dailyWrite = stale.post("/api/v1/admin/pledges/" + UUID.randomUUID() + "/verify", "{}");
        var wrongStepUp =
                stale.post("/api/v1/auth/second-factor/step-up", Map.of("code", "000000"));
        var stepUp =
                stale.post(
                        "/api/v1/auth/second-factor/step-up",
                        Map.of("code", currentCode(coordinator)));
        var allowed = stale.withToken(stepUp.text("accessToken")).post(revoke, "{}");
        var donorStepUp =
                donor.client().post("/api/v1/auth/second-factor/step-up", Map.of("code", "123456"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("second-factor-required");
        assertThat(encoded.status()).as("the same path, percent-encoded").isIn(400, 403);
        assertThat(dailyRead.status())
                .as("daily work needs the sign-in's factor only")
                .isEqualTo(200);
        assertThat(dailyWrite.status()).as(dailyWrite.toString()).isEqualTo(404);
        assertThat(wrongStepUp.status()).isEqualTo(401);
        assertThat(stepUp.status()).as(stepUp.toString()).isEqualTo(200);
        assertThat(secondFactorAt(stepUp.text("accessToken")))
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(204);
        assertThat(donorStepUp.status()).isEqualTo(400);
        assertThat(accountAudit(coordinator, "SECOND_FACTOR_STEP_UP", coordinator.id())).hasSize(1);
    }

    @Test
    void refreshingKeepsTheSecondFactorTimeAndALoginWithoutOneIsNotRenewed() throws Exception {
        var coordinator = Accounts.coordinator();
        var refreshed =
                PlatformInstance.client()
                        .post(
                                "/api/v1/auth/refresh",
                                Map.of("refreshToken", coordinator.refreshToken()));
        // A coordinator's login from before second factors existed (or renewed by the previous
        // release during a rolling deploy): its refresh token carries no second-factor time.
        String older =
                PlatformInstance.get()
                        .context()
                        .getBean(RefreshTokens.class)
                        .startFamily(coordinator.id())
                        .token();
        var olderRefreshed =
                PlatformInstance.client()
                        .post("/api/v1/auth/refresh", Map.of("refreshToken", older));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(secondFactorAt(refreshed.text("accessToken")))
                .isEqualTo(secondFactorAt(coordinator.client().token()));
        assertThat(olderRefreshed.status()).isEqualTo(401);
        assertThat(olderRefreshed.text("detail")).contains("second factor");
    }

    @Test
    void aCoordinatorResetsAnotherOnesSecondFactorWhichSignsThemOutAndEnrolsAgain() {
        var lostPhone = Accounts.coordinator();
        var colleague = Accounts.coordinator();

        var reset =
                colleague
                        .client()
                        .post(
                                "/api/v1/admin/accounts/" + lostPhone.id() + "/second-factor/reset",
                                "{}");
        var oldToken = lostPhone.client().get("/api/v1/me");
        var next = passwordStep(PlatformInstance.client(), lostPhone.email());

        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(oldToken.status()).isEqualTo(401);
        assertThat(next.text("secondFactor")).isEqualTo("enrolment");
        assertThat(enrolmentSecret(next))
                .isNotEqualTo(Accounts.authenticatorSecret(lostPhone.email()));
        assertThat(accountAudit(colleague, "SECOND_FACTOR_RESET", lostPhone.id())).hasSize(1);
    }

    private static ApiClient.Response passwordStep(ApiClient client, String email) {
        var login =
                client.post(
                        "/api/v1/auth/login",
                        Map.of("email", email, "password", Accounts.PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(202);
        return login;
    }

    private static ApiClient.Response secondStep(ApiClient client, String challenge, String code) {
        return client.post(
                "/api/v1/auth/second-factor", Map.of("challenge", challenge, "code", code));
    }

    /** A fresh password step, then the code: one whole sign-in. */
    private static ApiClient.Response signIn(ApiClient client, String email, String code) {
        return secondStep(client, passwordStep(client, email).text("challenge"), code);
    }

    /** The key a password step answers while the authenticator is being set up. */
    private static String enrolmentSecret(ApiClient.Response passwordStep) {
        return passwordStep.json().path("enrolment").path("secret").asString();
    }

    /** What the coordinator's authenticator app shows now. */
    private static String currentCode(Accounts.SignedIn coordinator) {
        return AuthenticatorApp.nextCode(Accounts.authenticatorSecret(coordinator.email()));
    }

    /** Audit rows of one action on the account, as the viewer's audit viewer lists them. */
    private static List<JsonNode> accountAudit(
            Accounts.SignedIn viewer, String action, UUID accountId) {
        return audit(viewer, action, "account", accountId.toString());
    }

    /** A coordinator's account as an administrator creates it, before any sign-in; its e-mail. */
    private static String unenrolledCoordinator(String emailLabel, String name) {
        String email = Accounts.newEmail(emailLabel);
        coordinators().create(email, name, Accounts.PASSWORD, "test");
        return email;
    }

    private static Instant secondFactorAt(String accessToken) throws Exception {
        Object seconds =
                SignedJWT.parse(accessToken)
                        .getJWTClaimsSet()
                        .getClaim(AccessTokens.SECOND_FACTOR_CLAIM);
        assertThat(seconds).as("the mfa claim").isInstanceOf(Number.class);
        return Instant.ofEpochSecond(((Number) seconds).longValue());
    }

    private static AccessTokens tokens() {
        return new AccessTokens(
                new TokenKeys(PlatformInstance.jwtSecret()),
                Duration.ofMinutes(5),
                Clock.systemUTC());
    }

    private static CoordinatorAccounts coordinators() {
        return PlatformInstance.get().context().getBean(CoordinatorAccounts.class);
    }
}
