package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Item 1 of the accounts issue: sign-up with an e-mailed code, verification, login, /me. */
class SignupAndLoginIntegrationTest {

    private final ApiClient client = PlatformInstance.client();

    @Test
    void aDonorSignsUpReadsTheCodeVerifiesAndIsSignedIn() {
        String email = Accounts.newEmail("asha");

        var signup = client.post("/api/v1/auth/signup", signup(email, "DONOR"));
        var beforeVerify = login(email, Accounts.PASSWORD, null);
        String code = PlatformInstance.mail().code(email);
        var verified =
                client.post(
                        "/api/v1/auth/verify",
                        Map.of("email", email.toUpperCase(), "role", "donor", "code", code));

        assertThat(signup.status()).isEqualTo(202);
        assertThat(beforeVerify.status()).isEqualTo(403);
        assertThat(beforeVerify.text("detail")).contains("confirm your e-mail");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("tokenType")).isEqualTo("Bearer");
        assertThat(verified.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(verified.json().path("user").path("role").asString()).isEqualTo("DONOR");
        var me = client.withToken(verified.text("accessToken")).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(email);
        assertThat(me.json().path("verified").asBoolean()).isTrue();
        assertThat(me.body()).doesNotContain("password");
        String accountId = me.json().path("id").asString();
        for (String action : List.of("SIGNUP", "EMAIL_VERIFIED")) {
            assertThat(Registry.audit(Accounts.coordinator(), action, "account", accountId))
                    .as(action)
                    .singleElement()
                    .satisfies(
                            row -> assertThat(row.path("actorId").asString()).isEqualTo(accountId));
        }
    }

    /**
     * The right password of an account whose e-mail awaits its code: the answer names the account's
     * role, so that the console's code panel confirms the patient's account, not a donor account
     * that does not exist.
     */
    @Test
    void anUnconfirmedLoginNamesTheAccountsRoleOnlyAfterTheRightPassword() {
        String email = Accounts.newEmail("ravi");
        client.post("/api/v1/auth/signup", signup(email, "PATIENT"));

        var rightPassword = login(email, Accounts.PASSWORD, null);
        var wrongPassword = login(email, Accounts.PASSWORD + "x", null);

        assertThat(rightPassword.status()).isEqualTo(403);
        assertThat(rightPassword.text("type")).endsWith("/email-not-verified");
        assertThat(rightPassword.text("role")).isEqualTo("PATIENT");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).doesNotContain("PATIENT");
    }

    @Test
    void loginAnswersTheSameForAWrongPasswordAndAnUnknownEmail() {
        var donor = Accounts.donor();

        var wrongPassword = login(donor.email(), "not the right password", null);
        var unknown = login(Accounts.newEmail("nobody"), Accounts.PASSWORD, null);
        var right = login(donor.email(), Accounts.PASSWORD, null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("detail")).isEqualTo(wrongPassword.text("detail"));
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.text("refreshToken")).isNotBlank();
    }

    @Test
    void oneAccountPerEmailAndRoleAndTheRoleIsNeededWhenThereAreTwo() {
        String email = Accounts.newEmail("both");
        Accounts.signUp("DONOR", email);

        var again = client.post("/api/v1/auth/signup", signup(email, "DONOR"));
        Accounts.signUp("PATIENT", email);
        var ambiguous = login(email, Accounts.PASSWORD, null);
        var asPatient = login(email, Accounts.PASSWORD, "PATIENT");

        assertThat(again.status()).isEqualTo(409);
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().path("errors").get(0).path("field").asString())
                .isEqualTo("role");
        assertThat(asPatient.status()).isEqualTo(200);
        assertThat(asPatient.json().path("user").path("role").asString()).isEqualTo("PATIENT");
    }

    @Test
    void nobodyBecomesACoordinatorBySignUp() {
        var admin = client.post("/api/v1/auth/signup", signup(Accounts.newEmail("eve"), "ADMIN"));

        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.text("detail")).contains("coordinator accounts cannot be created");
    }

    @Test
    void fieldsOutsideTheRequestRecordAreRefusedNotIgnored() {
        Map<String, Object> body = new HashMap<>(signup(Accounts.newEmail("mallory"), "DONOR"));
        body.put("verified", true);

        var response = client.post("/api/v1/auth/signup", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("verified");
    }

    @Test
    void weakPasswordsAndBadAddressesAreExplainedField() {
        var shortPassword =
                client.post(
                        "/api/v1/auth/signup",
                        Map.of(
                                "email", Accounts.newEmail("short"),
                                "password", "abc123",
                                "role", "DONOR",
                                "fullName", "Short"));
        var badEmail =
                client.post(
                        "/api/v1/auth/signup",
                        Map.of(
                                "email", "not-an-email",
                                "password", Accounts.PASSWORD,
                                "role", "DONOR",
                                "fullName", "Bad"));

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().path("errors").get(0).path("field").asString())
                .isEqualTo("password");
        assertThat(shortPassword.text("detail")).contains("12 to 128 characters");
        assertThat(shortPassword.raw().headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().path("errors").get(0).path("field").asString())
                .isEqualTo("email");
    }

    @Test
    void aWrongCodeCountsDownAndTheFifthWrongTryVoidsTheCode() {
        String email = Accounts.newEmail("typo");
        client.post("/api/v1/auth/signup", signup(email, "PATIENT"));
        String code = PlatformInstance.mail().code(email);
        String wrong = code.equals("000000") ? "111111" : "000000";

        var first = verify(email, "PATIENT", wrong);
        for (int i = 0; i < 3; i++) {
            verify(email, "PATIENT", wrong);
        }
        var fifth = verify(email, "PATIENT", wrong);
        var rightButTooLate = verify(email, "PATIENT", code);

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.text("detail")).contains("4 tries left");
        assertThat(fifth.status()).isEqualTo(400);
        assertThat(fifth.text("detail")).contains("no longer works");
        assertThat(rightButTooLate.status()).isIn(400, 429);
    }

    @Test
    void aNewCodeCanBeAskedForAfterTheCooldownOnly() {
        String email = Accounts.newEmail("resend");
        client.post("/api/v1/auth/signup", signup(email, "DONOR"));

        var tooSoon =
                client.post("/api/v1/auth/resend-code", Map.of("email", email, "role", "DONOR"));

        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(Long.parseLong(tooSoon.header("Retry-After"))).isBetween(1L, 60L);
    }

    private ApiClient.Response login(String email, String password, String role) {
        Map<String, String> body = new HashMap<>();
        body.put("email", email);
        body.put("password", password);
        if (role != null) {
            body.put("role", role);
        }
        return client.post("/api/v1/auth/login", body);
    }

    private ApiClient.Response verify(String email, String role, String code) {
        return client.post(
                "/api/v1/auth/verify", Map.of("email", email, "role", role, "code", code));
    }

    private static Map<String, String> signup(String email, String role) {
        return Accounts.signUpBody(role, email, "Asha Rao");
    }
}
