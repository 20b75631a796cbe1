package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whoever asks about an address learns nothing the contract does not already say (sign-up's 409):
 * not whether it has an account, is verified, is a coordinator's, or has a code pending.
 */
class AccountOraclesIntegrationTest {

    private final ApiClient client = PlatformInstance.client();

    @Test
    void askingForANewVerificationCodeAnswersAlikeForUnknownVerifiedAndUnverifiedAddresses()
            throws Exception {
        String unverified = Accounts.newEmail("unverified");
        client.post("/api/v1/auth/signup", Accounts.signUpBody("DONOR", unverified, "Asha Rao"));
        String verified = Accounts.donor().email();
        String unknown = Accounts.newEmail("nobody");
        Thread.sleep(1_100); // past the test instance's cool-down, which sign-up started

        List<String> answers = new ArrayList<>();
        for (String email : List.of(unknown, verified, unverified)) {
            var first = resend(email);
            var second = resend(email);
            answers.add(first.status() + " " + second.status() + " " + second.text("type"));
        }

        assertThat(answers).containsOnly(answers.get(0));
        assertThat(answers.get(0)).startsWith("202 429");
    }

    @Test
    void verifyingAnswersAVerifiedAccountAsAnUnknownAddress() {
        String verified = Accounts.donor().email();

        var ofVerified = verify(verified);
        var ofUnknown = verify(Accounts.newEmail("nobody"));

        assertThat(ofVerified.status()).isEqualTo(400);
        assertThat(ofVerified.body()).isEqualTo(ofUnknown.body());
    }

    @Test
    void aResetCodeIsRefusedInOneWordAndOneTimeForCoordinatorsAndUnknownAddresses() {
        var coordinator = Accounts.coordinator();
        client.post("/api/v1/auth/password-reset", Map.of("email", coordinator.email()));
        String unknown = Accounts.newEmail("nobody");

        List<Long> coordinatorMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        ApiClient.Response ofCoordinator = null;
        ApiClient.Response ofUnknown = null;
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            ofCoordinator = confirm(coordinator.email());
            coordinatorMillis.add((System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            ofUnknown = confirm(unknown);
            unknownMillis.add((System.nanoTime() - start) / 1_000_000);
        }

        assertThat(ofCoordinator.status()).isEqualTo(400);
        assertThat(ofCoordinator.body()).isEqualTo(ofUnknown.body());
        // Argon2id dominates both now; before, the unknown address skipped it (about 1/20 of the
        // time). The bound leaves room for a noisy machine.
        assertThat(median(unknownMillis))
                .as("unknown %s ms, coordinator %s ms", unknownMillis, coordinatorMillis)
                .isGreaterThanOrEqualTo(median(coordinatorMillis) * 3 / 10);
    }

    private ApiClient.Response resend(String email) {
        return client.post("/api/v1/auth/resend-code", Map.of("email", email, "role", "DONOR"));
    }

    private ApiClient.Response verify(String email) {
        return client.post(
                "/api/v1/auth/verify", Map.of("email", email, "role", "DONOR", "code", "123456"));
    }

    private ApiClient.Response confirm(String email) {
        return Accounts.confirmPasswordReset(
                client, email, "000000", "a perfectly long new passphrase");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
