package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Items 3 and 4 over HTTP: approving a proposed match donates the pledge, matches the request and
 * declines the competing proposals in one transaction; declines carry coded reasons; every illegal
 * step is 409; the patient sees the donor only after approval; concurrent approvals of one pledge
 * have exactly one winner.
 */
class MatchApprovalIntegrationTest {

    private static Accounts.SignedIn coordinator;
    private static Accounts.SignedIn secondCoordinator;
    private static ExecutorService threads;

    @BeforeAll
    static void setUp() {
        coordinator = Accounts.coordinator();
        secondCoordinator = Accounts.coordinator();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void approvalDonatesThePledgeMatchesTheRequestAndDeclinesTheCompetingProposals() {
        var pair = Matching.livePair(coordinator);
        // A second patient at the same place is proposed the same pledge.
        var rival = Matching.patient(pair.place(), "AB+", Matching.PATIENT_HLA, List.of());
        JsonNode rivalRun =
                Matching.run(coordinator, Matching.requestId(rival, Registry.liverRequest()));
        String rivalMatch = Matching.proposal(rivalRun, pair.pledgeId());
        // Before approval the patient sees the proposal but not who the donor is.
        JsonNode hidden = ownMatch(pair.patient(), pair.matchId());
        assertThat(hidden.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(hidden.has("pledgeId")).isFalse();
        assertThat(hidden.has("donorId")).isFalse();
        assertThat(hidden.has("donor")).isFalse();
        assertThat(hidden.has("runId")).isFalse();
        assertThat(pair.donor().client().get("/api/v1/matches").json().path("items").size())
                .as("donors see approved matches only")
                .isZero();
        List<String> otherProposalsOfTheRequest = new ArrayList<>();
        pair.run()
                .path("proposals")
                .forEach(
                        p -> {
                            if (!p.path("matchId").asString().equals(pair.matchId())) {
                                otherProposalsOfTheRequest.add(p.path("matchId").asString());
                            }
                        });

        var approved =
                coordinator.client().post("/api/v1/matches/" + pair.matchId() + "/approve", json());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(coordinator.client().get("/api/v1/pledges/" + pair.pledgeId()).text("status"))
                .isEqualTo("DONATED");
        assertThat(
                        coordinator
                                .client()
                                .get("/api/v1/transplant-requests/" + pair.requestId())
                                .text("status"))
                .isEqualTo("MATCHED");
        JsonNode rivalsProposal = match(rivalMatch, "pledgeId=" + pair.pledgeId());
        assertThat(rivalsProposal.path("status").asString()).isEqualTo("DECLINED");
        assertThat(rivalsProposal.path("declineReason").asString())
                .isEqualTo("ANOTHER_PATIENT_CHOSEN");
        for (String other : otherProposalsOfTheRequest) {
            assertThat(
                            match(other, "requestId=" + pair.requestId())
                                    .path("declineReason")
                                    .asString())
                    .isEqualTo("ANOTHER_DONOR_CHOSEN");
        }
        // Donation stays anonymous after approval: neither party learns who the other is, and
        // the patient's distance is rounded so it cannot single out the donor's town.
        JsonNode patientsView = ownMatch(pair.patient(), pair.matchId());
        assertThat(patientsView.path("status").asString()).isEqualTo("APPROVED");
        assertThat(patientsView.has("pledgeId")).isFalse();
        assertThat(patientsView.has("donorId")).isFalse();
        assertThat(patientsView.has("donor")).isFalse();
        assertThat(patientsView.toString())
                .doesNotContain(pair.donor().email())
                .doesNotContain(pair.donor().id().toString());
        assertThat(patientsView.path("distanceKm").asDouble() % 50).isZero();
        assertThat(patientsView.path("distanceKm").asDouble()).isGreaterThanOrEqualTo(50);
        JsonNode donorsView = pair.donor().client().get("/api/v1/matches").json().path("items");
        assertThat(donorsView.size()).isEqualTo(1);
        assertThat(donorsView.get(0).has("patient")).isFalse();
        assertThat(donorsView.get(0).toString())
                .doesNotContain(pair.patient().email())
                .doesNotContain(pair.patient().id().toString())
                .doesNotContain(pair.place().city());
        // Coordinators, the transplant centres, see both.
        JsonNode coordinatorsView = match(pair.matchId(), "requestId=" + pair.requestId());
        assertThat(coordinatorsView.path("donor").path("email").asString())
                .isEqualTo(pair.donor().email());
        assertThat(coordinatorsView.path("patient").path("email").asString())
                .isEqualTo(pair.patient().email());
        String city = pair.place().city() + ", " + pair.place().state();
        assertThat(coordinatorsView.path("donor").path("place").asString()).isEqualTo(city);
        assertThat(coordinatorsView.path("patient").path("place").asString()).endsWith(", " + city);
        // Every step audited, every party mailed.
        assertThat(audit(coordinator, "MATCH_APPROVED", "match", pair.matchId())).hasSize(1);
        assertThat(audit(coordinator, "MATCH_DECLINED", "match", rivalMatch)).hasSize(1);
        assertThat(audit(coordinator, "PLEDGE_DONATED", "pledge", pair.pledgeId())).hasSize(1);
        assertThat(
                        audit(
                                coordinator,
                                "TRANSPLANT_REQUEST_MATCHED",
                                "transplant request",
                                pair.requestId()))
                .hasSize(1);
        assertThat(Registry.mailContaining(pair.patient().email(), "approved a donor"))
                .contains("confidential")
                .doesNotContain(pair.donor().email());
        assertThat(Registry.mailContaining(pair.donor().email(), "approved a match"))
                .contains("confidential")
                .doesNotContain(pair.patient().email())
                .doesNotContain(pair.place().city());
        assertThat(Registry.mailContaining(rival.email(), "declined"))
                .contains("allocated to another patient");

        // Nothing decided can be decided again.
        assertThat(post(pair.matchId(), "approve", json()).status()).isEqualTo(409);
        assertThat(post(pair.matchId(), "decline", json("reason", "LOGISTICS")).status())
                .isEqualTo(409);
        assertThat(post(rivalMatch, "approve", json()).status()).isEqualTo(409);
        var again =
                coordinator
                        .client()
                        .post(
                                "/api/v1/transplant-requests/" + pair.requestId() + "/match-runs",
                                "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("MATCHED");
    }

    @Test
    void approvingALowerRankedProposalNeedsACodedReasonForEachOneAbove() {
        var patient = patientWithLiverDonors(2);
        String requestId = Matching.requestId(patient, Registry.liverRequest());
        JsonNode run = Matching.run(coordinator, requestId);
        List<JsonNode> proposals = new ArrayList<>();
        run.path("proposals").forEach(proposals::add);
        assertThat(proposals).hasSizeGreaterThanOrEqualTo(2);
        JsonNode last = proposals.get(proposals.size() - 1);
        List<JsonNode> above = proposals.subList(0, proposals.size() - 1);
        String chosen = last.path("matchId").asString();

        var unexplained = post(chosen, "approve", json());
        var notAbove =
                post(
                        chosen,
                        "approve",
                        json("passedOver", List.of(json("matchId", chosen, "reason", "SIZE"))));
        List<Map<String, ?>> withoutOne = new ArrayList<>();
        List<Map<String, ?>> reasons = new ArrayList<>();
        for (JsonNode p : above) {
            reasons.add(
                    json("matchId", p.path("matchId").asString(), "reason", "POSITIVE_CROSSMATCH"));
        }
        withoutOne.addAll(reasons.subList(1, reasons.size()));
        var oneMissing = post(chosen, "approve", json("passedOver", withoutOne));
        List<Map<String, ?>> twice = new ArrayList<>(reasons);
        twice.add(reasons.get(0));
        var namedTwice = post(chosen, "approve", json("passedOver", twice));
        var approved = post(chosen, "approve", json("passedOver", reasons));

        assertThat(unexplained.status()).as(unexplained.toString()).isEqualTo(400);
        assertThat(Registry.fields(unexplained)).containsExactly("passedOver");
        assertThat(unexplained.text("detail"))
                .contains("rank " + above.get(0).path("rank").asInt());
        assertThat(Registry.fields(notAbove)).containsExactly("passedOver[0].matchId");
        assertThat(Registry.fields(oneMissing)).containsExactly("passedOver");
        assertThat(Registry.fields(namedTwice))
                .containsExactly("passedOver[" + above.size() + "].matchId");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        for (JsonNode p : above) {
            String id = p.path("matchId").asString();
            JsonNode passed = match(id, "requestId=" + requestId);
            assertThat(passed.path("status").asString()).isEqualTo("DECLINED");
            assertThat(passed.path("declineReason").asString()).isEqualTo("POSITIVE_CROSSMATCH");
            assertThat(audit(coordinator, "MATCH_DECLINED", "match", id))
                    .singleElement()
                    .satisfies(
                            row ->
                                    assertThat(row.path("detail").path("automatic").asBoolean())
                                            .as("the coordinator's own reason")
                                            .isFalse());
        }
    }

    @Test
    void aCoordinatorProposesFurtherDownTheListAndApprovesTheSeventhWithAReasonForEachAbove() {
        var patient = patientWithLiverDonors(7);
        String requestId = Matching.requestId(patient, Registry.liverRequest());
        String replaced = Matching.run(coordinator, requestId).path("id").asString();
        JsonNode run = Matching.run(coordinator, requestId);
        String runId = run.path("id").asString();
        int ranked = run.path("candidateCount").asInt();
        assertThat(ranked).isGreaterThanOrEqualTo(7);
        assertThat(run.path("proposals").size()).as("what a run proposes by itself").isEqualTo(5);

        var fromReplaced = propose(coordinator, replaced, 7);
        var byPatient = propose(patient, runId, 7);
        var byStranger = propose(Accounts.patient(), runId, 7);
        var none = coordinator.client().post("/api/v1/match-runs/" + runId + "/proposals", json());
        var zero = propose(coordinator, runId, 0);
        var tooDeep = propose(coordinator, runId, 51);
        var pastTheList = ranked < 50 ? propose(coordinator, runId, ranked + 1) : null;
        var further = propose(coordinator, runId, 7);
        var again = propose(coordinator, runId, 7);

        assertThat(fromReplaced.status()).as(fromReplaced.toString()).isEqualTo(409);
        assertThat(fromReplaced.text("type")).endsWith("/run-replaced");
        assertThat(byPatient.status()).isEqualTo(403);
        assertThat(byStranger.status()).as("a stranger cannot tell the run exists").isEqualTo(404);
        assertThat(Registry.fields(none)).containsExactly("throughRank");
        assertThat(Registry.fields(zero)).containsExactly("throughRank");
        assertThat(Registry.fields(tooDeep)).containsExactly("throughRank");
        if (pastTheList != null) {
            assertThat(pastTheList.text("detail")).contains("ranked " + ranked + " candidates");
        }
        assertThat(further.status()).as(further.toString()).isEqualTo(200);
        List<JsonNode> proposals = new ArrayList<>();
        further.json().path("proposals").forEach(proposals::add);
        assertThat(proposals)
                .extracting(p -> p.path("rank").asInt())
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(proposals)
                .allSatisfy(p -> assertThat(p.path("status").asString()).isEqualTo("PROPOSED"));
        assertThat(again.json().path("proposals").size()).as("a repeat adds nothing").isEqualTo(7);
        assertThat(audit(coordinator, "MATCH_PROPOSALS_ADDED", "match run", runId))
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row.path("detail").path("throughRank").asInt()).isEqualTo(7);
                            assertThat(row.path("detail").path("ranks").toString())
                                    .isEqualTo("[6,7]");
                        });

        String seventh = proposals.get(6).path("matchId").asString();
        var unexplained = post(seventh, "approve", json());
        List<Map<String, ?>> reasons = new ArrayList<>();
        for (JsonNode p : proposals.subList(0, 6)) {
            reasons.add(json("matchId", p.path("matchId").asString(), "reason", "DONOR_QUALITY"));
        }
        var approved = post(seventh, "approve", json("passedOver", reasons));
        var afterwards = propose(coordinator, runId, 7);

        assertThat(Registry.fields(unexplained)).containsExactly("passedOver");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        for (JsonNode p : proposals.subList(0, 6)) {
            JsonNode passed = match(p.path("matchId").asString(), "requestId=" + requestId);
            assertThat(passed.path("status").asString()).isEqualTo("DECLINED");
            assertThat(passed.path("declineReason").asString()).isEqualTo("DONOR_QUALITY");
        }
        assertThat(afterwards.status()).as("the request is matched").isEqualTo(409);
        assertThat(afterwards.text("type")).endsWith("/request-not-waiting");
    }

    /**
     * A patient at a place of their own with {@code donors} equally good verified liver pledges.
     */
    private static Accounts.SignedIn patientWithLiverDonors(int donors) {
        Matching.Place at = Matching.place();
        for (int i = 0; i < donors; i++) {
            Matching.verifiedPledge(
                    at, "AB+", Matching.PATIENT_HLA, Registry.liverPledge(), coordinator);
        }
        return Matching.patient(at, "AB+", Matching.PATIENT_HLA, List.of());
    }

    private static ApiClient.Response propose(
            Accounts.SignedIn who, String runId, int throughRank) {
        return who.client()
                .post(
                        "/api/v1/match-runs/" + runId + "/proposals",
                        json("throughRank", throughRank));
    }

    @Test
    void aDeclineNeedsACodedReasonAndANoteForOther() {
        var pair = Matching.livePair(coordinator);

        assertThat(Registry.fields(post(pair.matchId(), "decline", json())))
                .containsExactly("reason");
        assertThat(Registry.fields(post(pair.matchId(), "decline", json("reason", "BORED"))))
                .containsExactly("reason");
        assertThat(
                        Registry.fields(
                                post(
                                        pair.matchId(),
                                        "decline",
                                        json("reason", "ANOTHER_PATIENT_CHOSEN"))))
                .as("the workflow's own reasons are not for coordinators")
                .containsExactly("reason");
        assertThat(Registry.fields(post(pair.matchId(), "decline", json("reason", "OTHER"))))
                .containsExactly("note");
        assertThat(
                        Registry.fields(
                                post(
                                        pair.matchId(),
                                        "decline",
                                        json(
                                                "reason",
                                                "SIZE",
                                                "passedOver",
                                                List.of(json("matchId", pair.matchId()))))))
                .as("passing over belongs to approvals")
                .containsExactly("passedOver");

        var declined =
                post(
                        pair.matchId(),
                        "decline",
                        json("reason", "OTHER", "note", "family withdrew consent at the bedside"));

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.text("declineReason")).isEqualTo("OTHER");
        assertThat(declined.text("declineNote"))
                .isEqualTo("family withdrew consent at the bedside");
        assertThat(coordinator.client().get("/api/v1/pledges/" + pair.pledgeId()).text("status"))
                .as("a decline leaves the pledge on offer")
                .isEqualTo("VERIFIED");
        assertThat(audit(coordinator, "MATCH_DECLINED", "match", pair.matchId()))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row.path("detail").path("reason").asString())
                                        .isEqualTo("OTHER"));
        assertThat(Registry.mailContaining(pair.patient().email(), "declined"))
                .contains("family withdrew consent");
        assertThat(post(pair.matchId(), "approve", json()).status()).isEqualTo(409);
        assertThat(post(pair.matchId(), "decline", json("reason", "SIZE")).status()).isEqualTo(409);
    }

    @Test
    void onlyCoordinatorsDecideAndStrangersCannotTellTheMatchExists() {
        var pair = Matching.livePair(coordinator);

        var byPatient =
                pair.patient()
                        .client()
                        .post("/api/v1/matches/" + pair.matchId() + "/approve", "{}");
        assertThat(byPatient.status()).isEqualTo(403);
        assertThat(
                        pair.donor()
                                .client()
                                .post("/api/v1/matches/" + pair.matchId() + "/approve", "{}")
                                .status())
                .as("the donor may not know of a proposal")
                .isEqualTo(404);
        assertThat(
                        Accounts.patient()
                                .client()
                                .post(
                                        "/api/v1/matches/" + pair.matchId() + "/decline",
                                        "{\"reason\":\"SIZE\"}")
                                .status())
                .isEqualTo(404);
        assertThat(match(pair.matchId(), "requestId=" + pair.requestId()).path("status").asString())
                .isEqualTo("PROPOSED");
        assertThat(
                        Accounts.patient()
                                .client()
                                .get("/api/v1/matches?requestId=" + pair.requestId())
                                .json()
                                .path("items")
                                .size())
                .as("another patient's matches are not listed")
                .isZero();
    }

    @Test
    void ofTwoCoordinatorsApprovingOnePledgeForTwoPatientsExactlyOneWins() throws Exception {
        var pair = Matching.livePair(coordinator);
        var rival = Matching.patient(pair.place(), "AB+", Matching.PATIENT_HLA, List.of());
        String rivalRequest = Matching.requestId(rival, Registry.liverRequest());
        String rivalMatch =
                Matching.proposal(Matching.run(coordinator, rivalRequest), pair.pledgeId());

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ApiClient.Response>> tasks =
                List.of(
                        () -> {
                            start.await();
                            return post(coordinator, pair.matchId(), "approve", json());
                        },
                        () -> {
                            start.await();
                            return post(secondCoordinator, rivalMatch, "approve", json());
                        });
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (Callable<ApiClient.Response> task : tasks) {
            futures.add(threads.submit(task));
        }
        start.countDown();
        List<ApiClient.Response> answers = new ArrayList<>();
        for (Future<ApiClient.Response> f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }

        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(1);
        long approved =
                List.of(pair.matchId(), rivalMatch).stream()
                        .filter(
                                id ->
                                        match(id, "pledgeId=" + pair.pledgeId())
                                                .path("status")
                                                .asString()
                                                .equals("APPROVED"))
                        .count();
        assertThat(approved).isEqualTo(1);
        assertThat(coordinator.client().get("/api/v1/pledges/" + pair.pledgeId()).text("status"))
                .isEqualTo("DONATED");
        List<String> requestStates = new ArrayList<>();
        for (String request : List.of(pair.requestId(), rivalRequest)) {
            requestStates.add(
                    coordinator
                            .client()
                            .get("/api/v1/transplant-requests/" + request)
                            .text("status"));
        }
        assertThat(requestStates).containsExactlyInAnyOrder("MATCHED", "WAITING");
    }

    private static ApiClient.Response post(String matchId, String action, Map<String, ?> body) {
        return post(coordinator, matchId, action, body);
    }

    private static ApiClient.Response post(
            Accounts.SignedIn who, String matchId, String action, Map<String, ?> body) {
        return who.client().post("/api/v1/matches/" + matchId + "/" + action, body);
    }

    /** A match as coordinators list it, found among the matches of a pledge or a request. */
    private static JsonNode match(String id, String filter) {
        for (JsonNode m :
                coordinator
                        .client()
                        .get("/api/v1/matches?limit=100&" + filter)
                        .json()
                        .path("items")) {
            if (m.path("id").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no match " + id + " with " + filter);
    }

    private static JsonNode ownMatch(Accounts.SignedIn patient, String id) {
        for (JsonNode m : patient.client().get("/api/v1/matches").json().path("items")) {
            if (m.path("id").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("the patient does not see match " + id);
    }
}
