package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Allocation runs over HTTP on the shared instance: a coordinator ranks the whole waiting list for
 * a verified pledge. The instance holds every test's waiting requests, so each scenario checks the
 * order of its own requests and reads the run whole.
 */
class AllocationRunIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void aLiverGoesToTheIdenticalBloodGroupBeforeACompatibleOneAtEqualMeldAndSaysWhy() {
        Matching.Place at = Matching.place();
        String pledge =
                Matching.verifiedPledge(
                        at, "O+", Matching.PATIENT_HLA, Registry.liverPledge(), coordinator);
        // Same labs (MELD-Na 25), same hospital: only the blood group differs.
        var compatible = Matching.patient(at, "A+", Matching.PATIENT_HLA, List.of());
        String compatibleRequest = Matching.requestId(compatible, Registry.liverRequest());
        var identical = Matching.patient(at, "O-", Matching.PATIENT_HLA, List.of());
        String identicalRequest = Matching.requestId(identical, Registry.liverRequest());

        var created = allocate(pledge);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode run = created.json();
        assertThat(created.header("Location"))
                .isEqualTo("/api/v1/allocation-runs/" + run.path("id").asString());
        assertThat(run.path("pledgeId").asString()).isEqualTo(pledge);
        assertThat(run.path("degraded").asBoolean()).isFalse();
        assertThat(run.path("modelVersion").asString()).startsWith("v");
        assertThat(run.path("policy").path("id").asString()).isEqualTo("allocation/ramsetu-2026-1");
        assertThat(run.path("policy").path("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(
                        run.path("policy")
                                .path("content")
                                .path("organs")
                                .path("LIVER")
                                .path("meld")
                                .asString())
                .isEqualTo("MELD_NA");
        assertThat(run.path("formulaVersions").toString()).contains("MELD-Na/OPTN-2016");
        assertThat(run.path("candidateCount").asInt() + run.path("excludedCount").asInt())
                .isEqualTo(run.path("waitingCount").asInt());

        JsonNode whole = read(run.path("id").asString());
        JsonNode first = Matching.rankedRequest(whole, identicalRequest);
        JsonNode second = Matching.rankedRequest(whole, compatibleRequest);
        assertThat(first.path("rank").asInt()).isLessThan(second.path("rank").asInt());
        assertThat(first.path("abo").asString()).isEqualTo("IDENTICAL");
        assertThat(second.path("abo").asString()).isEqualTo("COMPATIBLE");
        assertThat(first.path("meld").asInt()).isEqualTo(25);
        assertThat(first.path("mlScore").isNumber()).isTrue();
        assertThat(first.path("components").path("distanceKm").asDouble()).isEqualTo(0.0);
        assertThat(first.path("explanation").asString())
                .contains("/" + pledge + ": ≤250 km, MELD-Na 25, ABO identical;")
                .contains(" pts = ");
        List<String> groups = new ArrayList<>();
        first.path("groups").forEach(g -> groups.add(g.path("key").asString()));
        assertThat(groups).containsExactly("DISTANCE_BAND", "MELD", "ABO_IDENTICAL");
        assertThat(
                        audit(
                                coordinator,
                                "ALLOCATION_RUN_CREATED",
                                "allocation run",
                                run.path("id").asString()))
                .hasSize(1);
    }

    @Test
    void aKidneyRunRanksZeroMismatchFirstAndListsEveryExclusionWithItsReasons() {
        Matching.Place at = Matching.place();
        String pledge =
                Matching.verifiedPledge(
                        at, "A+", Matching.PATIENT_HLA, Registry.kidneyPledge(), coordinator);
        var zero = Matching.patient(at, "A+", Matching.PATIENT_HLA, List.of());
        String zeroRequest = Matching.requestId(zero, Registry.kidneyRequest("2024-01-01"));
        var mismatched =
                Matching.patient(
                        at, "A+", List.of("A3", "A11", "B7", "B35", "DR7", "DR11"), List.of());
        String mismatchedRequest =
                Matching.requestId(mismatched, Registry.kidneyRequest("2015-01-01"));
        var groupO = Matching.patient(at, "O+", Matching.PATIENT_HLA, List.of());
        String groupORequest = Matching.requestId(groupO, Registry.kidneyRequest(null));
        var sensitised =
                Matching.patient(
                        at, "AB+", List.of("A3", "A11", "B7", "B35", "DR7", "DR11"), List.of("B8"));
        String sensitisedRequest = Matching.requestId(sensitised, Registry.kidneyRequest(null));

        var created = allocate(pledge);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode run = read(created.text("id"));

        assertThat(Matching.rankedRequest(run, zeroRequest).path("rank").asInt())
                .as("zero mismatches first (each ordering rule: core KidneyAllocationTest)")
                .isLessThan(Matching.rankedRequest(run, mismatchedRequest).path("rank").asInt());
        assertThat(Matching.rankedRequest(run, zeroRequest).path("hlaMismatches").asString())
                .isEqualTo("0-0-0");
        assertThat(Matching.rankedRequest(run, zeroRequest).path("explanation").asString())
                .contains(": 0-mismatch, ");
        assertThat(
                        Matching.rankedRequest(run, mismatchedRequest)
                                .path("components")
                                .path("hlaPoints")
                                .isNumber())
                .isTrue();
        assertThat(run.path("donor").path("kdpi").isInt()).isTrue();
        assertThat(run.path("donor").path("kdpiNote").asString()).contains("DCD");
        assertThat(codes(exclusion(run, groupORequest))).containsExactly("ABO_INCOMPATIBLE");
        assertThat(codes(exclusion(run, sensitisedRequest)))
                .containsExactly("UNACCEPTABLE_ANTIGEN");
        assertThat(exclusion(run, sensitisedRequest).toString()).contains("B8");
        assertThat(run.path("exclusionCounts").path("ABO_INCOMPATIBLE").asInt()).isPositive();

        // Each ranked patient clinically, never who they are (issue 21; anonymity, issue 20).
        JsonNode recipient = recipientOf(run, zeroRequest);
        assertThat(recipient.path("ageYears").asInt())
                .isEqualTo(
                        java.time.Period.between(
                                        java.time.LocalDate.of(1975, 3, 14),
                                        java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                                .getYears());
        assertThat(recipient.path("sex").asString()).isEqualTo("FEMALE");
        assertThat(recipient.path("bloodGroup").asString()).isEqualTo("A+");
        assertThat(recipient.path("heightCm").asDouble()).isEqualTo(158.0);
        assertThat(recipient.path("weightKg").asDouble()).isEqualTo(61.5);
        assertThat(recipient.path("hla").asString()).isEqualTo("A1 A2 B8 B44 DR3 DR4");
        List<String> shown = new java.util.ArrayList<>();
        run.path("candidates").forEach(c -> shown.add(c.path("requestId").asString()));
        List<String> described = new java.util.ArrayList<>();
        run.path("recipients").forEach(r -> described.add(r.path("requestId").asString()));
        assertThat(described).containsExactlyElementsOf(shown);
        assertThat(run.path("recipients").toString())
                .doesNotContain("fullName")
                .doesNotContain("@")
                .doesNotContain("District Hospital");
        assertThat(recipientOf(created.json(), zeroRequest)).isEqualTo(recipient);

        // The whole ranked list is reachable a page at a time (issue 21).
        String path = "/api/v1/allocation-runs/" + run.path("id").asString();
        int count = run.path("candidateCount").asInt();
        var second = coordinator.client().get(path + "?fromRank=2&candidates=1");
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("candidates").size()).isEqualTo(1);
        assertThat(second.json().path("candidates").get(0))
                .isEqualTo(run.path("candidates").get(1));
        assertThat(second.json().path("recipients").get(0).path("requestId"))
                .isEqualTo(run.path("candidates").get(1).path("requestId"));
        var last = coordinator.client().get(path + "?fromRank=" + count + "&candidates=5");
        assertThat(last.json().path("candidates").size()).isEqualTo(1);
        assertThat(last.json().path("candidates").get(0).path("rank").asInt()).isEqualTo(count);
        var beyond = coordinator.client().get(path + "?fromRank=" + (count + 1));
        assertThat(beyond.json().path("candidates").size()).isZero();
        var zeroth = coordinator.client().get(path + "?fromRank=0");
        assertThat(zeroth.status()).isEqualTo(400);
        assertThat(zeroth.text("detail")).contains("fromRank");
    }

    private static JsonNode recipientOf(JsonNode run, String requestId) {
        for (JsonNode r : run.path("recipients")) {
            if (r.path("requestId").asString().equals(requestId)) {
                return r;
            }
        }
        throw new AssertionError("no recipient of " + requestId + " in " + run.path("recipients"));
    }

    @Test
    void aChangedWaitingListIsReadAgainNotServedFromTheCache() {
        Matching.Place at = Matching.place();
        String pledge =
                Matching.verifiedPledge(
                        at, "AB+", Matching.PATIENT_HLA, Registry.heartPledge(), coordinator);
        var leaving = Matching.patient(at, "AB+", Matching.PATIENT_HLA, List.of());
        String leavingRequest = Matching.requestId(leaving, Registry.heartRequest(2));
        var moving = Matching.patient(at, "AB-", Matching.PATIENT_HLA, List.of());
        String movingRequest = Matching.requestId(moving, Registry.heartRequest(3));
        JsonNode before = read(allocate(pledge).text("id"));
        assertThat(
                        Matching.rankedRequest(before, movingRequest)
                                .path("components")
                                .path("distanceKm")
                                .asDouble())
                .isEqualTo(0.0);
        Matching.rankedRequest(before, leavingRequest);

        var removed =
                coordinator
                        .client()
                        .post(
                                "/api/v1/admin/transplant-requests/" + leavingRequest + "/remove",
                                Registry.json("reason", "transplanted abroad"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        // The same profile as Matching.patient made, the hospital a degree of latitude north.
        Map<String, Object> moved = Registry.patientProfile(at.city(), "AB-", "1975-03-14");
        moved.put("hla", Matching.hla(Matching.PATIENT_HLA));
        moved.put("unacceptableAntigens", List.of());
        moved.put(
                "hospital",
                Registry.json(
                        "name", "District Hospital " + at.city(),
                        "city", at.city(),
                        "state", at.state(),
                        "latitude", at.latitude() + 1.0,
                        "longitude", at.longitude()));
        var saved = moving.client().put("/api/v1/patients/me", moved);
        assertThat(saved.status()).as(saved.toString()).isBetween(200, 201);

        JsonNode after = read(allocate(pledge).text("id"));

        assertThat(after.toString()).doesNotContain(leavingRequest);
        assertThat(
                        Matching.rankedRequest(after, movingRequest)
                                .path("components")
                                .path("distanceKm")
                                .asDouble())
                .as(
                        "the list was read again, but a hospital the patient typed does not move"
                                + " them: distances run from their centre's verified place")
                .isEqualTo(0.0);
    }

    @Test
    void aKeyedRetryAfterThePledgeWasWithdrawnAnswersTheFirstRunNotARefusal() {
        var donor = Matching.donor(Matching.place(), "O+", Matching.PATIENT_HLA);
        String pledge = Matching.verifiedPledge(donor, Registry.liverPledge(), coordinator);
        ApiClient keyed =
                coordinator.client().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/api/v1/pledges/" + pledge + "/allocation-runs";

        var first = keyed.post(path, "{}");
        var withdrawn = donor.client().post("/api/v1/pledges/" + pledge + "/withdraw", "{}");
        var retry = keyed.post(path, "{}");
        var unkeyed = allocate(pledge);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(unkeyed.status()).as("a new run is refused").isEqualTo(409);
    }

    @Test
    void onlyVerifiedPledgesAreAllocatedAndUnknownOnesAreNotFound() {
        var donor = Matching.donor(Matching.place(), "B+", Matching.PATIENT_HLA);
        String pending = Registry.pledgeId(donor, Registry.liverPledge());

        var refused = allocate(pending);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("is PENDING").contains("VERIFIED pledges only");

        var unknown = allocate(UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(
                        coordinator
                                .client()
                                .get("/api/v1/allocation-runs/" + UUID.randomUUID())
                                .status())
                .isEqualTo(404);
    }

    @Test
    void onlyCoordinatorsAllocateAndReadRunsAndOthersCannotTellThePledgeExists() {
        var donor = Matching.donor(Matching.place(), "AB+", Matching.PATIENT_HLA);
        String pledge = Matching.verifiedPledge(donor, Registry.corneaPledge(), coordinator);
        String path = "/api/v1/pledges/" + pledge + "/allocation-runs";

        var byDonor = donor.client().post(path, "{}");
        assertThat(byDonor.status()).as(byDonor.toString()).isEqualTo(403);
        assertThat(byDonor.text("detail")).contains("only transplant coordinators");
        assertThat(Accounts.donor().client().post(path, "{}").status()).isEqualTo(404);
        assertThat(Accounts.patient().client().post(path, "{}").status()).isEqualTo(404);

        String runPath = "/api/v1/allocation-runs/" + allocate(pledge).text("id");
        assertThat(donor.client().get(runPath).status()).isEqualTo(403);
        assertThat(Accounts.patient().client().get(runPath).status()).isEqualTo(404);
        var tooMany = coordinator.client().get(runPath + "?candidates=10001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text("detail")).contains("candidates");
    }

    @Test
    void theSimulationComparesEveryPolicyVersionOnTheWaitingList() {
        // At least one waiting liver request exists once this scenario has listed its own.
        var patient = Matching.patient(Matching.place(), "B+", Matching.PATIENT_HLA, List.of());
        Matching.requestId(patient, Registry.liverRequest());
        String path = "/api/v1/admin/allocation-simulations?organ=liver&donors=20&days=30&seed=3";

        var report = coordinator.client().get(path);

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        List<String> policies = new ArrayList<>();
        report.json().path("policies").forEach(p -> policies.add(p.path("policyId").asString()));
        assertThat(policies)
                .containsExactly("allocation/ramsetu-2026-1", "allocation/ramsetu-2026-2");
        JsonNode first = report.json().path("policies").get(0);
        assertThat(first.path("transplants").asInt() + first.path("unplaced").asInt())
                .isEqualTo(20);
        assertThat(first.path("expectedDeathsByTier").size()).isPositive();

        var badOrgan = coordinator.client().get("/api/v1/admin/allocation-simulations?organ=lung");
        assertThat(badOrgan.status()).isEqualTo(400);
        assertThat(badOrgan.text("detail")).contains("organ must be one of");
        var tooMany =
                coordinator
                        .client()
                        .get("/api/v1/admin/allocation-simulations?organ=liver&donors=5000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text("detail")).contains("donors");
        var unknownPolicy =
                coordinator
                        .client()
                        .get(
                                "/api/v1/admin/allocation-simulations?organ=liver&policy=allocation/nope-1");
        assertThat(unknownPolicy.status()).isEqualTo(400);
        assertThat(unknownPolicy.text("detail"))
                .contains("unknown allocation policy allocation/nope-1");
        assertThat(patient.client().get(path).status()).isEqualTo(403);
    }

    private static ApiClient.Response allocate(String pledgeId) {
        return coordinator.client().post("/api/v1/pledges/" + pledgeId + "/allocation-runs", "{}");
    }

    /** The whole run, every candidate and exclusion. */
    private static JsonNode read(String runId) {
        return Matching.wholeAllocationRun(coordinator, runId);
    }

    private static JsonNode exclusion(JsonNode run, String requestId) {
        return Matching.excludedRequest(run, requestId);
    }

    private static List<String> codes(JsonNode exclusion) {
        List<String> codes = new ArrayList<>();
        exclusion.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }
}
