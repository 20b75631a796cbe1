package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.donorProfile;
import static org.ramsetu.platform.api.Registry.fields;
import static org.ramsetu.platform.api.Registry.with;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The donor's profile: saved and replaced by its owner, versioned, checked field by field. */
class DonorProfileIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void aDonorCreatesReadsAndReplacesTheirProfileAndEachSaveIsVersioned() {
        var donor = Accounts.donor();

        var before = donor.client().get("/api/v1/donors/me");
        var created = donor.client().put("/api/v1/donors/me", donorProfile());
        var read = donor.client().get("/api/v1/donors/me");
        var replaced =
                donor.client()
                        .withHeader("If-Match", read.header("ETag"))
                        .put("/api/v1/donors/me", with(donorProfile(), "weightKg", 60.5));

        assertThat(before.status()).isEqualTo(404);
        assertThat(before.text("detail")).contains("PUT /api/v1/donors/me");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/donors/" + donor.id());
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        var profile = read.json();
        assertThat(profile.path("bloodGroup").asString()).isEqualTo("O+");
        assertThat(profile.path("dateOfBirth").asString()).isEqualTo("1985-04-12");
        assertThat(profile.path("location").path("state").asString()).isEqualTo("Maharashtra");
        assertThat(profile.path("hla").path("b").get(1).asString()).isEqualTo("B44");
        assertThat(profile.path("medicalHistory").path("hypertension").asBoolean()).isFalse();
        assertThat(profile.path("consent").asBoolean()).isTrue();
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
        assertThat(replaced.json().path("weightKg").asDouble()).isEqualTo(60.5);
        assertThat(replaced.text("consentGivenAt"))
                .isEqualTo(profile.path("consentGivenAt").asString());
        assertThat(
                        audit(
                                coordinator,
                                "DONOR_PROFILE_SAVED",
                                "donor profile",
                                donor.id().toString()))
                .hasSize(2);
    }

    @Test
    void aSaveNamingAnOlderVersionIsRefusedAsChangedBySomeoneElse() {
        var donor = Registry.donorWithProfile();
        donor.client()
                .withHeader("If-Match", "\"0\"")
                .put("/api/v1/donors/me", with(donorProfile(), "weightKg", 59.0));

        var staleHeader =
                donor.client()
                        .withHeader("If-Match", "\"0\"")
                        .put("/api/v1/donors/me", with(donorProfile(), "weightKg", 70.0));
        var staleBody =
                donor.client()
                        .put(
                                "/api/v1/donors/me",
                                with(with(donorProfile(), "weightKg", 70.0), "version", 0));

        assertThat(staleHeader.status()).isEqualTo(409);
        assertThat(staleHeader.text("detail")).contains("changed by someone else");
        assertThat(staleBody.status()).isEqualTo(409);
        var stored = donor.client().get("/api/v1/donors/me").json();
        assertThat(stored.path("weightKg").asDouble()).isEqualTo(59.0);
        assertThat(stored.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void eachInvalidValueIsRefusedNamingItsField() {
        var donor = Accounts.donor();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("bloodGroup", with(donorProfile(), "bloodGroup", "Q+"));
        cases.put("heightCm", with(donorProfile(), "heightCm", 1.62));
        cases.put("weightKg", with(donorProfile(), "weightKg", 580.0));
        cases.put("sex", with(donorProfile(), "sex", "unknown"));
        cases.put(
                "dateOfBirth",
                with(donorProfile(), "dateOfBirth", LocalDate.now().minusYears(16).toString()));
        cases.put("location.state", with(donorProfile(), "location.state", "Atlantis"));
        cases.put("location.latitude", with(donorProfile(), "location.latitude", 123.0));
        cases.put("location.city", with(donorProfile(), "location.city", " "));
        cases.put("hla.a", with(donorProfile(), "hla.a", List.of("B8")));
        cases.put("medicalHistory.diabetes", with(donorProfile(), "medicalHistory.diabetes", null));
        cases.put("consent", with(donorProfile(), "consent", false));
        cases.put("role", with(donorProfile(), "role", "ADMIN"));

        cases.forEach(
                (field, body) -> {
                    var response = donor.client().put("/api/v1/donors/me", body);
                    assertThat(response.status()).as(field + ": " + response).isEqualTo(400);
                    assertThat(fields(response)).as(field).containsExactly(field);
                });
        assertThat(donor.client().get("/api/v1/donors/me").status()).isEqualTo(404);
    }

    @Test
    void someoneElsesProfileIsNotFoundAndACoordinatorsReadIsAudited() {
        var owner = Registry.donorWithProfile();
        var otherDonor = Accounts.donor();
        var patient = Accounts.patient();
        String path = "/api/v1/donors/" + owner.id();

        var byOwner = owner.client().get(path);
        var byOther = otherDonor.client().get(path);
        var byPatient = patient.client().get(path);
        int auditedBefore =
                audit(coordinator, "MEDICAL_RECORD_READ", "donor profile", owner.id().toString())
                        .size();
        var byCoordinator = coordinator.client().get(path);
        var patientsOwnDonorProfile = patient.client().put("/api/v1/donors/me", donorProfile());

        assertThat(byOwner.status()).isEqualTo(200);
        assertThat(byOther.status()).isEqualTo(404);
        assertThat(byOther.body()).doesNotContain("1985-04-12");
        assertThat(byPatient.status()).isEqualTo(404);
        assertThat(auditedBefore).isZero();
        assertThat(byCoordinator.status()).isEqualTo(200);
        assertThat(byCoordinator.text("accountId")).isEqualTo(owner.id().toString());
        assertThat(
                        audit(
                                coordinator,
                                "MEDICAL_RECORD_READ",
                                "donor profile",
                                owner.id().toString()))
                .hasSize(1)
                .allSatisfy(
                        row ->
                                assertThat(row.path("actorId").asString())
                                        .isEqualTo(coordinator.id().toString()));
        assertThat(patientsOwnDonorProfile.status()).isEqualTo(403);
    }
}
