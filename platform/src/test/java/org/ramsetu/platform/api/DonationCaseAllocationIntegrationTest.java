package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Allocation runs of an organ a donation case recovered: the waiting list ranked from the donor
 * record at donation (KDPI from every factor, the donor hospital, the hours of cold ischaemia
 * already used), refused before the organ's recovery is recorded.
 */
class DonationCaseAllocationIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void aRecoveredKidneyIsRankedFromTheDonorRecordAndOnlyOnceRecovered() {
        Matching.Place at = Matching.place();
        var zero = Matching.patient(at, "A+", Matching.PATIENT_HLA, List.of());
        String zeroRequest = Matching.requestId(zero, Registry.kidneyRequest("2024-01-01"));
        var mismatched =
                Matching.patient(
                        at, "A+", List.of("A3", "A11", "B7", "B35", "DR7", "DR11"), List.of());
        String mismatchedRequest =
                Matching.requestId(mismatched, Registry.kidneyRequest("2015-01-01"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String caseId =
                Donation.caseAt(
                        at, "A+", now.minus(3, ChronoUnit.HOURS), List.of("KIDNEY", "LIVER"));
        JsonNode kidneyRisk =
                coordinator.client().get(Donation.CASES + "/" + caseId).json().path("kidneyRisk");

        var beforeRecovery = Donation.allocate(caseId, "KIDNEY");
        var recovered = Donation.recover(caseId, List.of("KIDNEY"), now.minus(2, ChronoUnit.HOURS));
        var liverNotRecovered = Donation.allocate(caseId, "LIVER");
        var created = Donation.allocate(caseId, "KIDNEY");
        var again = Donation.allocate(caseId, "KIDNEY");
        var listed = coordinator.client().get(Donation.CASES + "/" + caseId + "/allocation-runs");
        List<String> paged = new java.util.ArrayList<>();
        for (var page :
                Registry.onePageAtATime(
                        coordinator.client(), "/api/v1/admin/allocation-runs?caseId=" + caseId)) {
            assertThat(page.json().path("total").asLong()).isEqualTo(2);
            page.json().path("items").forEach(r -> paged.add(r.path("id").asString()));
        }
        var withoutCase = coordinator.client().get("/api/v1/admin/allocation-runs");
        var ofNoCase =
                coordinator
                        .client()
                        .get("/api/v1/admin/allocation-runs?caseId=" + java.util.UUID.randomUUID());
        var byAPatient =
                Registry.patientWithProfile()
                        .client()
                        .get("/api/v1/admin/allocation-runs?caseId=" + caseId);

        assertThat(beforeRecovery.status()).as(beforeRecovery.toString()).isEqualTo(409);
        assertThat(beforeRecovery.text("detail")).contains("recovery");
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(liverNotRecovered.status()).isEqualTo(409);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode run = read(created.text("id"));
        assertThat(run.path("donationCaseId").asString()).isEqualTo(caseId);
        assertThat(run.path("pledgeId").isNull()).isTrue();
        assertThat(run.path("donor").path("kdpi").asInt())
                .isEqualTo(kidneyRisk.path("kdpi").asInt());
        assertThat(run.path("donor").path("kdri").asDouble())
                .isEqualTo(kidneyRisk.path("kdri").asDouble());
        assertThat(run.path("donor").path("kdpiNote").asString()).contains(caseId);
        JsonNode first = Matching.rankedRequest(run, zeroRequest);
        assertThat(first.path("rank").asInt())
                .isLessThan(Matching.rankedRequest(run, mismatchedRequest).path("rank").asInt());
        assertThat(first.path("hlaMismatches").asString()).isEqualTo("0-0-0");
        assertThat(first.path("components").path("distanceKm").asDouble()).isEqualTo(0.0);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).path("id").asString()).isEqualTo(again.text("id"));
        assertThat(listed.json().get(1).path("id").asString()).isEqualTo(created.text("id"));
        // The paged list is the same, newest first, one page at a time and counted.
        assertThat(paged).containsExactly(again.text("id"), created.text("id"));
        assertThat(withoutCase.status()).isEqualTo(400);
        assertThat(Registry.fields(withoutCase)).containsExactly("caseId");
        assertThat(ofNoCase.status()).isEqualTo(404);
        // The role rule on /admin/** refuses a patient before the use case (which would say 404).
        assertThat(byAPatient.status()).isEqualTo(403);
        assertThat(
                        Registry.audit(
                                coordinator,
                                "ALLOCATION_RUN_CREATED",
                                "allocation run",
                                created.text("id")))
                .singleElement()
                .satisfies(row -> assertThat(row.toString()).contains(caseId));
    }

    @Test
    void aKidneyClampedFortyHoursAgoReachesNobody() {
        Matching.Place at = Matching.place();
        var patient = Matching.patient(at, "B+", Matching.PATIENT_HLA, List.of());
        String request = Matching.requestId(patient, Registry.kidneyRequest("2020-01-01"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String caseId =
                Donation.caseAt(at, "B+", now.minus(41, ChronoUnit.HOURS), List.of("KIDNEY"));
        assertThat(
                        Donation.recover(caseId, List.of("KIDNEY"), now.minus(40, ChronoUnit.HOURS))
                                .status())
                .isEqualTo(200);

        var created = Donation.allocate(caseId, "KIDNEY");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode run = read(created.text("id"));
        assertThat(run.path("candidateCount").asInt()).isZero();
        JsonNode excluded = exclusion(run, request);
        assertThat(excluded.toString()).contains("ISCHEMIA_EXCEEDED");
    }

    @Test
    void aLiverIsRankedWithTheAssessmentRecordedAtRecoveryAndNotWithout() {
        Matching.Place at = Matching.place();
        var patient = Matching.patient(at, "O+", Matching.PATIENT_HLA, List.of());
        String request = Matching.requestId(patient, Registry.liverRequest());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String assessed =
                Donation.caseAt(
                        at, "O+", now.minus(4, ChronoUnit.HOURS), List.of("LIVER", "HEART"));
        String unassessed =
                Donation.caseAt(at, "O+", now.minus(4, ChronoUnit.HOURS), List.of("LIVER"));
        Map<String, Object> liver =
                json(
                        "bilirubin",
                        json("value", 0.9, "unit", "mg/dL"),
                        "inr",
                        1.1,
                        "liverFunction",
                        "NORMAL",
                        "imaging",
                        "NORMAL");

        Instant clamp = now.minus(3, ChronoUnit.HOURS);

        var heartNotRecovered =
                recoverLiver(assessed, clamp, json("liver", liver, "heart", json("lvef", 60.0)));
        var recorded = recoverLiver(assessed, clamp, json("liver", liver));
        Donation.recover(unassessed, List.of("LIVER"), clamp);
        JsonNode withAssessment = read(Donation.allocate(assessed, "LIVER").text("id"));
        JsonNode without = read(Donation.allocate(unassessed, "LIVER").text("id"));

        assertThat(heartNotRecovered.status()).isEqualTo(400);
        assertThat(Registry.fields(heartNotRecovered)).containsExactly("assessments.heart");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(
                        recorded.json()
                                .path("assessments")
                                .path("liver")
                                .path("liverFunction")
                                .asString())
                .isEqualTo("NORMAL");
        assertThat(Matching.rankedRequest(withAssessment, request).path("rank").asInt())
                .isPositive();
        assertThat(exclusion(without, request).toString())
                .contains("MISSING_INPUT")
                .contains("liver function");
    }

    @Test
    void unknownCasesAndOrgansAreRefusedClearly() {
        Matching.Place at = Matching.place();
        String caseId =
                Donation.caseAt(
                        at,
                        "O+",
                        Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                        List.of("KIDNEY"));

        var unknown = Donation.allocate(java.util.UUID.randomUUID().toString(), "KIDNEY");
        var noOrgan = Donation.allocate(caseId, "SPLEEN");
        var unknownList =
                coordinator
                        .client()
                        .get(
                                Donation.CASES
                                        + "/"
                                        + java.util.UUID.randomUUID()
                                        + "/allocation-runs");

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(noOrgan.status()).isEqualTo(400);
        assertThat(Registry.fields(noOrgan)).containsExactly("organ");
        assertThat(unknownList.status()).isEqualTo(404);
    }

    @Test
    void aKeyedRetryAnswersTheFirstRunAndTheOrganIsPartOfTheRequest() {
        Matching.Place at = Matching.place();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String caseId =
                Donation.caseAt(
                        at, "AB+", now.minus(3, ChronoUnit.HOURS), List.of("KIDNEY", "LIVER"));
        Donation.recover(caseId, List.of("KIDNEY", "LIVER"), now.minus(2, ChronoUnit.HOURS));
        ApiClient keyed =
                coordinator
                        .client()
                        .withHeader("Idempotency-Key", java.util.UUID.randomUUID().toString());
        String path = Donation.CASES + "/" + caseId + "/allocation-runs";

        var first = keyed.post(path, json("organ", "KIDNEY"));
        var retry = keyed.post(path, json("organ", "KIDNEY"));
        var otherOrgan = keyed.post(path, json("organ", "LIVER"));
        var listed = coordinator.client().get(path);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.header("Location"))
                .endsWith("/api/v1/allocation-runs/" + first.text("id"));
        assertThat(otherOrgan.status()).as("the same key with another organ").isEqualTo(422);
        assertThat(listed.json()).hasSize(1);
    }

    /** The case's liver recorded as recovered at the clamp, with the assessments given. */
    private static ApiClient.Response recoverLiver(
            String caseId, Instant clamp, Map<String, Object> assessments) {
        return coordinator
                .client()
                .post(
                        Donation.CASES + "/" + caseId + "/recovery",
                        json(
                                "organsRecovered",
                                List.of("LIVER"),
                                "crossClampAt",
                                clamp.toString(),
                                "assessments",
                                assessments));
    }

    private static JsonNode read(String runId) {
        return Matching.wholeAllocationRun(coordinator, runId);
    }

    private static JsonNode exclusion(JsonNode run, String requestId) {
        return Matching.excludedRequest(run, requestId);
    }
}
