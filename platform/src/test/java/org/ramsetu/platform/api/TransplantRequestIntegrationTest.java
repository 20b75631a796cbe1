package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.fields;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.liverRequest;
import static org.ramsetu.platform.api.Registry.mailContaining;
import static org.ramsetu.platform.api.Registry.patientProfile;
import static org.ramsetu.platform.api.Registry.request;
import static org.ramsetu.platform.api.Registry.with;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.scores.Epts;
import org.ramsetu.core.scores.EptsFactors;

/**
 * Transplant requests: listed WAITING with their clinical scores computed by the clinical core and
 * stored with their formula versions; values checked per organ; one open request per patient and
 * organ.
 */
class TransplantRequestIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    /**
     * Female, bilirubin 3.2 mg/dL, INR 1.8, creatinine 1.4 mg/dL, sodium 130, albumin 2.8 g/dL:
     * MELD(i) = 10 × (0.957 ln 1.4 + 0.378 ln 3.2 + 1.120 ln 1.8 + 0.643) = 20.6 → 21; MELD-Na = 21
     * + 1.32 × 7 − 0.033 × 21 × 7 = 25.4 → 25. MELD 3.0 = 1.33 + 4.56 ln 3.2 + 0.82 × 7 − 0.24 × 7
     * × ln 3.2 + 9.09 ln 1.8 + 11.14 ln 1.4 + 1.85 × 0.7 − 1.83 × 0.7 × ln 1.4 + 6 = 26.4 → 26.
     */
    @Test
    void aLiverRequestIsListedPendingVerificationWithItsMeldScoresAndTheirFormulaVersions() {
        var patient = Registry.patientWithProfile();

        var created = patient.client().post("/api/v1/transplant-requests", liverRequest());
        String id = created.text("id");
        var read = patient.client().get("/api/v1/transplant-requests/" + id);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/transplant-requests/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        var scores = created.json().path("scores");
        assertThat(scores.path("meldNa").path("score").asInt()).isEqualTo(25);
        assertThat(scores.path("meldNa").path("formulaVersion").asString())
                .isEqualTo("MELD-Na/OPTN-2016");
        assertThat(scores.path("meld3").path("score").asInt()).isEqualTo(26);
        assertThat(scores.path("meld3").path("formulaVersion").asString())
                .isEqualTo("MELD3.0/Kim-2021");
        assertThat(created.text("listedAt")).isNotBlank();
        assertThat(created.json().path("waitingDays").asLong()).isZero();
        assertThat(created.json().path("urgency").asInt()).isEqualTo(4);
        // Stored, not recomputed: the read shows the same scores.
        assertThat(read.json().path("scores")).isEqualTo(scores);
        assertThat(read.json().path("patient").path("hospitalName").asString())
                .isEqualTo("KEM Hospital");
        assertThat(created.text("status")).isEqualTo("PENDING_VERIFICATION");
        assertThat(created.json().has("verification")).isFalse();
        assertThat(
                        mailContaining(
                                patient.email(),
                                "liver transplant request is PENDING_VERIFICATION"))
                .contains("once a coordinator of your transplant centre has checked");
        assertThat(audit(coordinator, "TRANSPLANT_REQUEST_LISTED", "transplant request", id))
                .hasSize(1);
    }

    @Test
    void laboratoryValuesInSiUnitsGiveTheSameScoresAndAreShownInCanonicalUnits() {
        var patient = Registry.patientWithProfile();
        Map<String, Object> si =
                with(
                        with(
                                with(
                                        liverRequest(),
                                        "liver.bilirubin",
                                        json("value", 54.72, "unit", "µmol/L")),
                                "liver.creatinine",
                                json("value", 123.76, "unit", "umol/L")),
                        "liver.albumin",
                        json("value", 28.0, "unit", "g/L"));

        var created = request(patient, si);

        assertThat(created.path("scores").path("meldNa").path("score").asInt()).isEqualTo(25);
        assertThat(created.path("scores").path("meld3").path("score").asInt()).isEqualTo(26);
        var liver = created.path("liver");
        assertThat(liver.path("bilirubin").path("unit").asString()).isEqualTo("mg/dL");
        assertThat(liver.path("bilirubin").path("value").asDouble()).isCloseTo(3.2, within(1e-9));
        assertThat(liver.path("albumin").path("unit").asString()).isEqualTo("g/dL");
        assertThat(liver.path("albumin").path("value").asDouble()).isCloseTo(2.8, within(1e-9));
    }

    @Test
    void anAdultKidneyRequestCarriesEptsAndAChildsExplainsWhyNot() {
        var adult = Registry.patientWithProfile();
        var child =
                Registry.patientWithProfile(
                        with(
                                patientProfile(),
                                "dateOfBirth",
                                LocalDate.now(ZoneOffset.UTC).minusYears(12).toString()));
        LocalDate dialysisStart = LocalDate.now(ZoneOffset.UTC).minusYears(3);

        var adults = request(adult, Registry.kidneyRequest(dialysisStart.toString()));
        var childs = request(child, Registry.kidneyRequest(null));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        double expected =
                Epts.raw(
                        new EptsFactors(
                                ChronoUnit.DAYS.between(LocalDate.of(1968, 9, 30), today) / 365.25,
                                true,
                                false,
                                ChronoUnit.DAYS.between(dialysisStart, today) / 365.25));
        var epts = adults.path("scores").path("epts");
        assertThat(epts.path("raw").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(epts.path("formulaVersion").asString()).isEqualTo("EPTS/OPTN-2014");
        assertThat(epts.path("tableVersion").asString()).isNotBlank();
        assertThat(epts.path("percentile").asInt()).isBetween(0, 100);
        assertThat(adults.path("kidney").path("dialysisStartDate").asString())
                .isEqualTo(dialysisStart.toString());
        assertThat(childs.path("scores").has("epts")).isFalse();
        assertThat(childs.path("scores").path("notes").get(0).asString())
                .contains("EPTS not computed");
    }

    @Test
    void heartRequestsCarryTheStatusTierAndCorneaRequestsTheirIndication() {
        var patient = Registry.patientWithProfile();

        var heart = request(patient, Registry.heartRequest(2));
        var cornea = request(patient, Registry.corneaRequest());

        assertThat(heart.path("scores").path("heartStatus").path("tier").asInt()).isEqualTo(2);
        assertThat(heart.path("scores").path("heartStatus").path("formulaVersion").asString())
                .isEqualTo("HeartStatus/OPTN-2018");
        assertThat(cornea.path("cornea").path("indication").asString()).isEqualTo("OPTICAL");
    }

    @Test
    void eachInvalidValueIsRefusedNamingItsField() {
        var patient = Registry.patientWithProfile();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put(
                "liver.bilirubin.unit",
                with(liverRequest(), "liver.bilirubin", json("value", 3.2, "unit", "mmol/L")));
        cases.put(
                "liver.bilirubin",
                with(liverRequest(), "liver.bilirubin", json("value", 340.0, "unit", "mg/dL")));
        cases.put("liver.sodium", with(liverRequest(), "liver.sodium", 13.5));
        cases.put("liver.albumin", with(liverRequest(), "liver.albumin", null));
        cases.put("liver.inr", with(liverRequest(), "liver.inr", 0.1));
        cases.put("urgency", with(liverRequest(), "urgency", 9));
        cases.put("organ", with(liverRequest(), "organ", "pancreas"));
        cases.put("liver", with(Registry.heartRequest(2), "liver", json("inr", 1.0)));
        cases.put("heart.statusTier", Registry.heartRequest(9));
        cases.put(
                "cornea.indication",
                with(Registry.corneaRequest(), "cornea.indication", "cosmetic"));
        cases.put(
                "kidney.dialysisStartDate",
                Registry.kidneyRequest(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
        cases.put("kidney", json("organ", "KIDNEY", "urgency", 3));

        cases.forEach(
                (field, body) -> {
                    var response = patient.client().post("/api/v1/transplant-requests", body);
                    assertThat(response.status()).as(field + ": " + response).isEqualTo(400);
                    assertThat(fields(response)).as(field).containsExactly(field);
                });
        assertThat(patient.client().get("/api/v1/transplant-requests").json().path("items").size())
                .isZero();
    }

    @Test
    void aPatientIsListedOncePerOrganAndNeedsACompleteProfile() {
        var patient = Registry.patientWithProfile();
        request(patient, liverRequest());
        Map<String, Object> untyped = patientProfile();
        untyped.remove("hla");
        var withoutHla = Registry.patientWithProfile(untyped);

        var second = patient.client().post("/api/v1/transplant-requests", liverRequest());
        var noProfile =
                Accounts.patient().client().post("/api/v1/transplant-requests", liverRequest());
        var kidneyWithoutHla =
                withoutHla
                        .client()
                        .post("/api/v1/transplant-requests", Registry.kidneyRequest(null));
        var byDonor = Accounts.donor().client().post("/api/v1/transplant-requests", liverRequest());

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("type").asString()).endsWith("open-request-exists");
        assertThat(noProfile.status()).isEqualTo(409);
        assertThat(noProfile.text("detail")).contains("PUT /api/v1/patients/me");
        assertThat(kidneyWithoutHla.status()).isEqualTo(409);
        assertThat(kidneyWithoutHla.text("detail")).contains("HLA typing");
        assertThat(byDonor.status()).isEqualTo(403);
    }
}
