package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Item 5: the rate limits of the accounts issue, through the rate-limit port, answered with 429 and
 * Retry-After. Each test uses its own client address, as distinct callers behind a proxy.
 */
class RateLimitIntegrationTest {

    @Test
    void theSixthLoginIn15MinutesFromOneAddressForOneEmailIsRefusedAndAudited() {
        var donor = Accounts.donor();
        ApiClient attacker = PlatformInstance.client();
        ApiClient elsewhere = PlatformInstance.client();

        for (int i = 0; i < 5; i++) {
            assertThat(login(attacker, donor.email(), "wrong password " + i).status())
                    .isEqualTo(401);
        }
        var sixth = login(attacker, donor.email(), Accounts.PASSWORD);
        var fromElsewhere = login(elsewhere, donor.email(), Accounts.PASSWORD);

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(fromElsewhere.status()).as("the limit is per e-mail and address").isEqualTo(200);
        var lockouts =
                Accounts.coordinator()
                        .client()
                        .get("/api/v1/admin/audit?action=LOGIN_LOCKED_OUT&outcome=DENIED");
        assertThat(lockouts.json().path("items").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theFourthSignUpInAnHourFromOneAddressIsRefused() {
        ApiClient client = PlatformInstance.client();

        for (int i = 0; i < 3; i++) {
            assertThat(signup(client).status()).isEqualTo(202);
        }
        var fourth = signup(client);

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isPositive();
    }

    @Test
    void aCodeTakesFiveTriesThenTheLimitAnswers429() {
        ApiClient client = PlatformInstance.client();
        String email = Accounts.newEmail("guess");
        client.post("/api/v1/auth/signup", Accounts.signUpBody("DONOR", email, "G"));
        String code = PlatformInstance.mail().code(email);
        String wrong = code.equals("999999") ? "888888" : "999999";

        for (int i = 0; i < 5; i++) {
            // from a new address each time: the limit is per code, not per caller
            assertThat(verify(client.fromAddress(ApiClient.nextAddress()), email, wrong).status())
                    .isEqualTo(400);
        }
        var sixth = verify(client.fromAddress(ApiClient.nextAddress()), email, code);

        assertThat(sixth.status()).isEqualTo(429);
    }

    @Test
    void theGeneralLimitIs100RequestsPerMinutePerUser() {
        var patient = Accounts.patient();

        int okBeforeRefusal = 0;
        ApiClient.Response refusal = null;
        for (int i = 0; i < 150 && refusal == null; i++) {
            var response = patient.client().fromAddress(ApiClient.nextAddress()).get("/api/v1/me");
            if (response.status() == 429) {
                refusal = response;
            } else {
                okBeforeRefusal++;
            }
        }

        // Tokens refill continuously (100 per minute), so a few more may trickle in meanwhile.
        assertThat(refusal).isNotNull();
        assertThat(okBeforeRefusal).isBetween(100, 110);
        assertThat(refusal.header("Retry-After")).isNotNull();
        assertThat(Accounts.donor().client().get("/api/v1/me").status())
                .as("another user is not affected")
                .isEqualTo(200);
    }

    @Test
    void anAccountReceivesAtMostFiveCodesAnHourHoweverManyAddressesAsk() throws Exception {
        var donor = Accounts.donor();
        int before = PlatformInstance.mail().mailsTo(donor.email(), 1).size();

        for (int i = 0; i < 7; i++) {
            var asked =
                    PlatformInstance.client()
                            .post("/api/v1/auth/password-reset", Map.of("email", donor.email()));
            assertThat(asked.status()).as("the same answer whatever happens").isEqualTo(202);
            Thread.sleep(1_100); // past the resend cool-down of the test instance
        }

        int afterFive = PlatformInstance.mail().mailsTo(donor.email(), before + 5).size();
        Thread.sleep(2_000); // time for a sixth or seventh mail to show up, if one were sent
        assertThat(afterFive - before).isEqualTo(5);
        assertThat(PlatformInstance.mail().mailsTo(donor.email(), 0).size() - before).isEqualTo(5);
    }

    private static ApiClient.Response login(ApiClient client, String email, String password) {
        return client.post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    private static ApiClient.Response verify(ApiClient client, String email, String code) {
        return client.post(
                "/api/v1/auth/verify", Map.of("email", email, "role", "DONOR", "code", code));
    }

    private static ApiClient.Response signup(ApiClient client) {
        return client.post(
                "/api/v1/auth/signup",
                Accounts.signUpBody("PATIENT", Accounts.newEmail("burst"), "Burst"));
    }
}
