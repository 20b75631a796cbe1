package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.fields;
import static org.ramsetu.platform.api.Registry.patientProfile;
import static org.ramsetu.platform.api.Registry.with;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The patient's profile: blood group, body, HLA, unacceptable antigens, treating hospital. */
class PatientProfileIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void aPatientCreatesReadsAndReplacesTheirProfile() {
        var patient = Accounts.patient();

        var before = patient.client().get("/api/v1/patients/me");
        var created = patient.client().put("/api/v1/patients/me", patientProfile());
        var replaced =
                patient.client()
                        .withHeader("If-Match", created.header("ETag"))
                        .put(
                                "/api/v1/patients/me",
                                with(patientProfile(), "unacceptableAntigens", List.of("dr4")));
        var read = patient.client().get("/api/v1/patients/me");

        assertThat(before.status()).isEqualTo(404);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        var profile = created.json();
        assertThat(profile.path("hospital").path("state").asString()).isEqualTo("Maharashtra");
        assertThat(profile.path("hospital").path("name").asString()).isEqualTo("KEM Hospital");
        assertThat(profile.path("unacceptableAntigens").toString()).isEqualTo("[\"A3\",\"B7\"]");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().path("unacceptableAntigens").toString()).isEqualTo("[\"DR4\"]");
    }

    @Test
    void eachInvalidValueIsRefusedNamingItsField() {
        var patient = Accounts.patient();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("hospital.state", with(patientProfile(), "hospital.state", "Bavaria"));
        cases.put("hospital.name", with(patientProfile(), "hospital.name", ""));
        cases.put("hospital.longitude", with(patientProfile(), "hospital.longitude", 200.0));
        cases.put(
                "unacceptableAntigens[1]",
                with(patientProfile(), "unacceptableAntigens", List.of("A3", "C7")));
        cases.put("hla.dr", with(patientProfile(), "hla.dr", List.of("DR3", "DR4", "DR7")));
        cases.put("dateOfBirth", with(patientProfile(), "dateOfBirth", "2999-01-01"));
        cases.put("weightKg", with(patientProfile(), "weightKg", 0.5));

        cases.forEach(
                (field, body) -> {
                    var response = patient.client().put("/api/v1/patients/me", body);
                    assertThat(response.status()).as(field + ": " + response).isEqualTo(400);
                    assertThat(fields(response)).as(field).containsExactly(field);
                });
    }

    @Test
    void aStaleSaveIsRefusedAndSomeoneElsesProfileIsNotFound() {
        var owner = Registry.patientWithProfile();
        var other = Accounts.patient();
        var donor = Accounts.donor();
        String path = "/api/v1/patients/" + owner.id();
        owner.client().put("/api/v1/patients/me", with(patientProfile(), "version", 0));

        var stale = owner.client().put("/api/v1/patients/me", with(patientProfile(), "version", 0));
        var byOther = other.client().get(path);
        var byDonor = donor.client().get(path);
        var byCoordinator = coordinator.client().get(path);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("changed by someone else");
        assertThat(byOther.status()).isEqualTo(404);
        assertThat(byDonor.status()).isEqualTo(404);
        assertThat(byCoordinator.status()).isEqualTo(200);
        assertThat(
                        audit(
                                coordinator,
                                "MEDICAL_RECORD_READ",
                                "patient profile",
                                owner.id().toString()))
                .hasSize(1);
    }
}
