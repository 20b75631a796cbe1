package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are read as typed (issue 22 item 4): a value of the wrong JSON type is a 400
 * naming its field, never a guess, and the refused request changes nothing.
 */
class StrictInputIntegrationTest {

    @Test
    void consentIsTrueNotOne() {
        var donor = Accounts.donor();

        var refused =
                donor.client()
                        .put(
                                "/api/v1/donors/me",
                                Registry.with(Registry.donorProfile(), "consent", 1));

        assertRefused(refused, "consent");
        assertThat(donor.client().get("/api/v1/donors/me").status())
                .as("no profile was saved")
                .isEqualTo(404);
    }

    @Test
    void aDateOfBirthIsAnIsoDateNotADayCount() {
        var donor = Accounts.donor();

        var refused =
                donor.client()
                        .put(
                                "/api/v1/donors/me",
                                Registry.with(Registry.donorProfile(), "dateOfBirth", 0));

        assertRefused(refused, "dateOfBirth");
    }

    @Test
    void urgencyIsAWholeNumberNotRoundedDown() {
        var patient = Registry.patientWithProfile();

        var refused =
                patient.client()
                        .post(
                                "/api/v1/transplant-requests",
                                Registry.with(Registry.liverRequest(), "urgency", 3.7));

        assertRefused(refused, "urgency");
        assertThat(patient.client().get("/api/v1/transplant-requests").json().path("items").size())
                .as("no request was created")
                .isZero();
    }

    @Test
    void aPasswordIsTextNotANumber() {
        var refused =
                PlatformInstance.client()
                        .post(
                                "/api/v1/auth/signup",
                                Map.of(
                                        "email",
                                        Accounts.newEmail("numeric"),
                                        "password",
                                        123456789012L,
                                        "role",
                                        "DONOR",
                                        "fullName",
                                        "Asha Rao"));

        assertRefused(refused, "password");
    }

    @Test
    void aWholeNumberIsAFineDecimal() {
        var donor = Accounts.donor();

        var saved =
                donor.client()
                        .put(
                                "/api/v1/donors/me",
                                Registry.with(Registry.donorProfile(), "heightCm", 170));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.json().path("heightCm").asDouble()).isEqualTo(170.0);
    }

    private static void assertRefused(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
