package org.ramsetu.platform.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ramsetu.platform.api.Registry.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.scoring.Candidate;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoredCandidate;
import org.ramsetu.infra.scoring.ScoringClient;
import tools.jackson.databind.JsonNode;

/**
 * Item 1 over HTTP on the shared instance: a coordinator's match run selects, filters, scores,
 * ranks and explains, lists every exclusion with its reasons, and proposes the best.
 */
class MatchRunIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void aKidneyRunRanksExplainsAndListsEveryExclusionWithItsReasons() {
        Matching.Place at = Matching.place();
        // Identical typing: zero mismatches, HLA points 400.
        String identicalPledge = verifiedKidneyPledge(at, "B+", Matching.PATIENT_HLA);
        // B7 is on the patient's unacceptable list; O to B kidneys need zero mismatches.
        String sensitisingPledge =
                verifiedKidneyPledge(at, "O+", List.of("A2", "A24", "B7", "B44", "DR15"));
        String untypedPledge = verifiedKidneyPledge(at, "B-", null);
        // A cannot give to B at all: the candidate query never returns it.
        String wrongGroupPledge = verifiedKidneyPledge(at, "A+", Matching.PATIENT_HLA);
        // Not verified: never a candidate.
        var pending = Matching.donor(at, "B+", Matching.PATIENT_HLA);
        String pendingPledge = Registry.pledgeId(pending, Registry.kidneyPledge());

        var patient = Matching.patient(at, "B+", Matching.PATIENT_HLA, List.of("B7"));
        String requestId = Matching.requestId(patient, Registry.kidneyRequest("2023-02-01"));

        JsonNode run = Matching.run(coordinator, requestId);

        assertThat(run.path("degraded").asBoolean()).isFalse();
        assertThat(run.path("modelVersion").asString()).startsWith("v");
        assertThat(run.path("policyVersion").asString()).isEqualTo("ranking/ramsetu-2");
        assertThat(run.path("formulaVersions").toString())
                .contains("HLA-points/ETKAS-400")
                .contains("urgency-level");
        JsonNode best = Matching.candidate(run, identicalPledge);
        assertThat(best.path("rank").asInt()).isEqualTo(1);
        assertThat(best.path("abo").asString()).isEqualTo("IDENTICAL");
        assertThat(best.path("components").path("hlaPoints").asDouble()).isEqualTo(400.0);
        assertThat(best.path("components").path("distanceKm").asDouble()).isEqualTo(0.0);
        assertThat(best.path("transport").path("mode").asString()).isEqualTo("ROAD");
        assertThat(best.path("mlScore").isNumber()).isTrue();
        assertThat(best.path("explanation").asString())
                .startsWith(
                        "#1 "
                                + requestId
                                + "/"
                                + identicalPledge
                                + ": urgency 3, 0-mismatch, ABO identical")
                .contains("HLA 400/400");
        JsonNode weights = best.path("components").path("weights");
        assertThat(
                        weights.path("ml").asDouble()
                                + weights.path("hla").asDouble()
                                + weights.path("waiting").asDouble()
                                + weights.path("distance").asDouble())
                .isCloseTo(1.0, within(1e-9));
        assertThat(best.path("mlContributions").size()).as("SHAP for a proposal").isEqualTo(6);

        // O to B needs zero mismatches: counted as ABO_INCOMPATIBLE, not assessed and listed.
        assertThat(codes(Matching.exclusion(run, untypedPledge))).containsExactly("MISSING_INPUT");
        assertThat(run.toString())
                .doesNotContain(sensitisingPledge)
                .doesNotContain(wrongGroupPledge)
                .doesNotContain(pendingPledge);
        assertThat(run.path("counted").path("ABO_INCOMPATIBLE").asInt()).isPositive();
        assertThat(run.path("counted").path("BLOOD_GROUP_NEVER_ALLOWED").asInt()).isPositive();
        assertThat(run.path("counted").path("PENDING").asInt()).isPositive();

        // Ranked best first, the top five proposed, and the run can be read back as written.
        List<Integer> ranks = new ArrayList<>();
        run.path("candidates").forEach(c -> ranks.add(c.path("rank").asInt()));
        assertThat(ranks).isSorted().startsWith(1);
        assertThat(run.path("proposals").size())
                .isEqualTo(Math.min(5, run.path("candidateCount").asInt()));
        assertThat(run.path("proposals").get(0).path("pledgeId").asString())
                .isEqualTo(identicalPledge);
        var read = coordinator.client().get("/api/v1/match-runs/" + run.path("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("candidates")).isEqualTo(run.path("candidates"));
        assertThat(read.json().path("excluded")).isEqualTo(run.path("excluded"));
        assertThat(audit(coordinator, "MATCH_RUN_CREATED", "match run", run.path("id").asString()))
                .hasSize(1);
        Registry.mailContaining(patient.email(), "possible donor");
    }

    @Test
    void everyCandidateShownNamesItsDonorsAgeSexBloodGroupSizeHlaMismatchesAndKdpi() {
        Matching.Place at = Matching.place();
        String identicalPledge = verifiedKidneyPledge(at, "B+", Matching.PATIENT_HLA);
        // A2 and B44 shared with the patient; A24, B7 and DR15 not.
        String oneEachPledge =
                verifiedKidneyPledge(at, "B-", List.of("A2", "A24", "B7", "B44", "DR15"));
        var patient = Matching.patient(at, "B+", Matching.PATIENT_HLA, List.of());
        String requestId = Matching.requestId(patient, Registry.kidneyRequest("2023-02-01"));

        JsonNode run = Matching.run(coordinator, requestId);
        var read = coordinator.client().get("/api/v1/match-runs/" + run.path("id").asString());
        assertThat(read.status()).isEqualTo(200);

        int age =
                java.time.Period.between(
                                java.time.LocalDate.of(1985, 4, 12),
                                java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                        .getYears();
        for (JsonNode view : List.of(run, read.json())) {
            JsonNode best = donorOf(view, identicalPledge);
            assertThat(best.path("ageYears").asInt()).isEqualTo(age);
            assertThat(best.path("sex").asString()).isEqualTo("FEMALE");
            assertThat(best.path("bloodGroup").asString()).isEqualTo("B+");
            assertThat(best.path("heightCm").asDouble()).isEqualTo(162.5);
            assertThat(best.path("weightKg").asDouble()).isEqualTo(58.0);
            assertThat(best.path("hla").asString()).isEqualTo("A1 A2 B8 B44 DR3 DR4");
            assertThat(best.path("hlaMismatches").asString()).isEqualTo("0-0-0");
            assertThat(best.path("kdpi").asInt()).isBetween(0, 100);
            assertThat(best.path("kdpiNote").asString()).contains("not recorded on pledges");
            JsonNode other = donorOf(view, oneEachPledge);
            assertThat(other.path("bloodGroup").asString()).isEqualTo("B-");
            assertThat(other.path("hlaMismatches").asString()).isEqualTo("1-1-1");
            // Every candidate shown and every proposal has its donor.
            List<String> shown = new ArrayList<>();
            view.path("candidates").forEach(c -> shown.add(c.path("pledgeId").asString()));
            view.path("proposals").forEach(p -> shown.add(p.path("pledgeId").asString()));
            List<String> described = new ArrayList<>();
            view.path("donors").forEach(d -> described.add(d.path("pledgeId").asString()));
            assertThat(described).containsAll(shown).doesNotHaveDuplicates();
        }

        // The whole ranked list is reachable a page at a time (issue 21).
        String path = "/api/v1/match-runs/" + run.path("id").asString();
        JsonNode whole = coordinator.client().get(path + "?candidates=10000").json();
        int count = whole.path("candidateCount").asInt();
        assertThat(count).isGreaterThanOrEqualTo(2);
        var second = coordinator.client().get(path + "?fromRank=2&candidates=1");
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("candidates").size()).isEqualTo(1);
        assertThat(second.json().path("candidates").get(0))
                .isEqualTo(whole.path("candidates").get(1));
        assertThat(
                        donorOf(
                                second.json(),
                                whole.path("candidates").get(1).path("pledgeId").asString()))
                .isEqualTo(
                        donorOf(
                                whole,
                                whole.path("candidates").get(1).path("pledgeId").asString()));
        var beyond = coordinator.client().get(path + "?fromRank=" + (count + 1));
        assertThat(beyond.json().path("candidates").size()).isZero();
        var tooDeep = coordinator.client().get(path + "?fromRank=10000001");
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.text("detail")).contains("fromRank");
    }

    /** A kidney pledge of a new donor at the place, verified by the coordinator; its id. */
    private static String verifiedKidneyPledge(
            Matching.Place at, String bloodGroup, List<String> hla) {
        return Matching.verifiedPledge(at, bloodGroup, hla, Registry.kidneyPledge(), coordinator);
    }

    private static JsonNode donorOf(JsonNode run, String pledgeId) {
        for (JsonNode d : run.path("donors")) {
            if (d.path("pledgeId").asString().equals(pledgeId)) {
                return d;
            }
        }
        throw new AssertionError("no donor of pledge " + pledgeId + " in " + run.path("donors"));
    }

    @Test
    void everyPledgeOfTheOrganIsRankedListedOrCountedForEachOrgan() {
        Map<String, Map<String, Object>> pledgeBodies =
                Map.of(
                        "KIDNEY", Registry.kidneyPledge(),
                        "LIVER", Registry.liverPledge(),
                        "HEART", Registry.heartPledge(),
                        "CORNEA", Registry.corneaPledge());
        Map<String, Map<String, Object>> requestBodies =
                Map.of(
                        "KIDNEY", Registry.kidneyRequest("2024-05-01"),
                        "LIVER", Registry.liverRequest(),
                        "HEART", Registry.heartRequest(2),
                        "CORNEA", Registry.corneaRequest());
        Matching.Place here = Matching.place();
        Matching.Place far = Matching.place();
        for (String organ : List.of("KIDNEY", "LIVER", "HEART", "CORNEA")) {
            // every group, typed and untyped, near and far, verified or not
            for (String group : List.of("O+", "A-", "B+", "AB+")) {
                Matching.verifiedPledge(
                        here, group, Matching.PATIENT_HLA, pledgeBodies.get(organ), coordinator);
                Matching.verifiedPledge(
                        far,
                        group,
                        List.of("A3", "A11", "B7", "B35", "DR1", "DR7"),
                        pledgeBodies.get(organ),
                        coordinator);
            }
            Registry.pledgeId(Matching.donor(here, "O-", null), pledgeBodies.get(organ));
            var patient = Matching.patient(here, "A+", Matching.PATIENT_HLA, List.of());

            JsonNode run =
                    Matching.run(
                            coordinator, Matching.requestId(patient, requestBodies.get(organ)));

            int counted = 0;
            for (JsonNode n : run.path("counted")) {
                counted += n.asInt();
            }
            assertThat(
                            run.path("candidateCount").asInt()
                                    + run.path("excludedCount").asInt()
                                    + counted)
                    .as("ranked + excluded + counted for %s: %s", organ, run.path("counted"))
                    .isEqualTo(pledgesOf(organ));
        }
    }

    /**
     * The same ranking stored both ways reads back identically: every field of every candidate and
     * exclusion, the explanation rendered on read included, and as the run answered when it was
     * made (ADR 0035). The stored bytes show which form each run took.
     */
    @Test
    void aRunStoredCompactReadsBackExactlyAsTheSameRankingStoredAsJson() {
        Matching.Place at = Matching.place();
        verifiedKidneyPledge(at, "B+", Matching.PATIENT_HLA);
        verifiedKidneyPledge(at, "O-", Matching.PATIENT_HLA);
        verifiedKidneyPledge(at, "B-", List.of("A1", "A3", "B8", "B35", "DR3", "DR7"));
        verifiedKidneyPledge(at, "B-", null);
        var patient = Matching.patient(at, "B+", Matching.PATIENT_HLA, List.of());
        String requestId = Matching.requestId(patient, Registry.kidneyRequest("2023-02-01"));

        JsonNode asJson;
        JsonNode compact;
        try {
            compactRunLists(false);
            asJson = Matching.run(coordinator, requestId);
            compactRunLists(true);
            compact = Matching.run(coordinator, requestId);
        } finally {
            compactRunLists(true); // as V214 seeds it
        }

        assertThat(firstByteOfLists(asJson)).containsExactly(0x1f, 0x1f); // gzip
        assertThat(firstByteOfLists(compact)).containsExactly(2, 2);
        assertThat(compact.path("candidateCount").asInt()).isGreaterThan(1);
        assertThat(compact.path("excludedCount").asInt()).isPositive();
        JsonNode readJson = readWhole(asJson);
        JsonNode readCompact = readWhole(compact);
        assertThat(readCompact.path("candidates")).isEqualTo(readJson.path("candidates"));
        assertThat(readCompact.path("excluded")).isEqualTo(readJson.path("excluded"));
        assertThat(readCompact.path("candidates")).isEqualTo(compact.path("candidates"));
        assertThat(readCompact.path("candidates").get(0).path("explanation").asString())
                .startsWith("#1 " + requestId + "/")
                .contains("; score ");
    }

    private static void compactRunLists(boolean on) {
        var changed =
                coordinator
                        .client()
                        .post(
                                "/actuator/flags/matching.compact-run-lists",
                                Map.of("defaultVariant", on ? "on" : "off"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        PlatformInstance.get()
                .context()
                .getBean(org.ramsetu.infra.flags.PostgresFeatureProvider.class)
                .refresh();
    }

    private static List<Integer> firstByteOfLists(JsonNode run) {
        return PlatformInstance.get()
                .context()
                .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select candidates, excluded from match_run where id = :id")
                .param("id", UUID.fromString(run.path("id").asString()))
                .query((rs, row) -> List.of(rs.getBytes(1)[0] & 0xff, rs.getBytes(2)[0] & 0xff))
                .single();
    }

    private static JsonNode readWhole(JsonNode run) {
        var read =
                coordinator
                        .client()
                        .get(
                                "/api/v1/match-runs/"
                                        + run.path("id").asString()
                                        + "?candidates=10000&excluded=10000");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("candidates").size())
                .isEqualTo(run.path("candidateCount").asInt());
        return read.json();
    }

    private static int pledgesOf(String organ) {
        return PlatformInstance.get()
                .context()
                .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from pledge where organ = :organ")
                .param("organ", organ)
                .query(Integer.class)
                .single();
    }

    @Test
    void everyCandidatesMlScoreIsTheModelsScoreOfItsOwnFeatures() {
        Matching.Place at = Matching.place();
        List<String> pledges = new ArrayList<>();
        for (String group : List.of("AB+", "A+", "B-", "O+")) {
            pledges.add(
                    Matching.verifiedPledge(
                            at, group, Matching.PATIENT_HLA, Registry.liverPledge(), coordinator));
        }
        var patient = Matching.patient(at, "AB+", Matching.PATIENT_HLA, List.of());
        JsonNode run =
                Matching.run(coordinator, Matching.requestId(patient, Registry.liverRequest()));

        // Score each candidate's stored features again, in reverse order, and join by id.
        ScoringClient model = PlatformInstance.get().context().getBean(ScoringClient.class);
        List<Candidate> again = new ArrayList<>();
        run.path("candidates")
                .forEach(
                        c -> {
                            Map<String, Double> features = new HashMap<>();
                            c.path("features")
                                    .properties()
                                    .forEach(
                                            f -> features.put(f.getKey(), f.getValue().asDouble()));
                            again.add(0, new Candidate(c.path("pledgeId").asString(), features));
                        });
        Map<String, Double> expected = new HashMap<>();
        for (ScoredCandidate s : model.score("liver", new ScoreRequest(again)).results()) {
            expected.put(s.id(), s.score());
        }
        assertThat(expected.keySet()).containsAll(pledges);
        run.path("candidates")
                .forEach(
                        c ->
                                assertThat(c.path("mlScore").asDouble())
                                        .as("ML score of " + c.path("pledgeId").asString())
                                        .isEqualTo(expected.get(c.path("pledgeId").asString())));
        // Identical blood group first (liver policy), whatever the scores.
        assertThat(Matching.candidate(run, pledges.get(0)).path("rank").asInt()).isEqualTo(1);
    }

    @Test
    void onlyCoordinatorsRunMatchesAndOthersCannotEvenTellTheRequestExists() {
        Matching.Place at = Matching.place();
        var patient = Matching.patient(at, "O+", Matching.PATIENT_HLA, List.of());
        String requestId = Matching.requestId(patient, Registry.liverRequest());
        String path = "/api/v1/transplant-requests/" + requestId + "/match-runs";

        var byOwner = patient.client().post(path, "{}");
        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(403);
        assertThat(byOwner.text("detail")).contains("only transplant coordinators");
        assertThat(Accounts.patient().client().post(path, "{}").status()).isEqualTo(404);
        assertThat(Accounts.donor().client().post(path, "{}").status()).isEqualTo(404);
        var unknown =
                coordinator
                        .client()
                        .post(
                                "/api/v1/transplant-requests/" + UUID.randomUUID() + "/match-runs",
                                "{}");
        assertThat(unknown.status()).isEqualTo(404);

        JsonNode run = Matching.run(coordinator, requestId);
        String runPath = "/api/v1/match-runs/" + run.path("id").asString();
        assertThat(patient.client().get(runPath).status()).isEqualTo(403);
        assertThat(Accounts.donor().client().get(runPath).status()).isEqualTo(404);
        assertThat(coordinator.client().get("/api/v1/match-runs/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstRunAndCreatesNoSecond() {
        String requestId = waitingLiverRequest();
        ApiClient keyed = keyedCoordinator();
        String path = "/api/v1/transplant-requests/" + requestId + "/match-runs";

        var first = keyed.post(path, "{}");
        var again = keyed.post(path, "{}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        var page =
                coordinator.client().get("/api/v1/matches?requestId=" + requestId + "&limit=100");
        page.json()
                .path("items")
                .forEach(m -> assertThat(m.path("runId").asString()).isEqualTo(first.text("id")));
    }

    @Test
    void aKeyedRetryAfterTheRequestLeftTheListAnswersTheFirstRunNotARefusal() {
        String requestId = waitingLiverRequest();
        ApiClient keyed = keyedCoordinator();
        String path = "/api/v1/transplant-requests/" + requestId + "/match-runs";

        var first = keyed.post(path, "{}");
        var removed =
                coordinator
                        .client()
                        .post(
                                "/api/v1/admin/transplant-requests/" + requestId + "/remove",
                                Registry.json("reason", "transplanted abroad"));
        var retry = keyed.post(path, "{}");
        var unkeyed = coordinator.client().post(path, "{}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(unkeyed.status()).as("a new run is refused").isEqualTo(409);
    }

    /** A liver request of a patient of a place of its own, waiting. */
    private static String waitingLiverRequest() {
        var patient = Matching.patient(Matching.place(), "O+", Matching.PATIENT_HLA, List.of());
        return Matching.requestId(patient, Registry.liverRequest());
    }

    /** The coordinator's client, every request with the same new Idempotency-Key. */
    private static ApiClient keyedCoordinator() {
        return coordinator.client().withHeader("Idempotency-Key", UUID.randomUUID().toString());
    }

    @Test
    void aNewerRunSupersedesTheOpenProposalsOfTheOlderOne() {
        var pair = Matching.livePair(coordinator);
        JsonNode second = Matching.run(coordinator, pair.requestId());

        var older =
                coordinator
                        .client()
                        .get("/api/v1/matches?runId=" + pair.run().path("id").asString());
        assertThat(older.json().path("items"))
                .allSatisfy(
                        m -> {
                            assertThat(m.path("status").asString()).isEqualTo("SUPERSEDED");
                            assertThat(m.path("supersededByRun").asString())
                                    .isEqualTo(second.path("id").asString());
                        });
        var approveOld =
                coordinator.client().post("/api/v1/matches/" + pair.matchId() + "/approve", "{}");
        assertThat(approveOld.status()).isEqualTo(409);
        assertThat(approveOld.text("detail")).contains("SUPERSEDED");
    }

    @Test
    void coordinatorsSearchMatchesByEitherPartyPageThemAndOpenOneAsItsRecord() {
        var pair = Matching.livePair(coordinator);
        String patientEmail = java.net.URLEncoder.encode(pair.patient().email(), UTF_8);
        String donorEmail =
                java.net.URLEncoder.encode(pair.donor().email().toUpperCase(Locale.ROOT), UTF_8);

        var byPatient = coordinator.client().get("/api/v1/matches?limit=100&q=" + patientEmail);
        var byDonor = coordinator.client().get("/api/v1/matches?limit=100&q=" + donorEmail);
        assertThat(byPatient.status()).as(byPatient.toString()).isEqualTo(200);
        assertThat(byPatient.json().path("items"))
                .isNotEmpty()
                .allSatisfy(
                        m ->
                                assertThat(m.path("patientId").asString())
                                        .isEqualTo(pair.patient().id().toString()));
        assertThat(byPatient.json().path("total").asLong())
                .isEqualTo(byPatient.json().path("items").size());
        assertThat(byDonor.json().path("items"))
                .isNotEmpty()
                .allSatisfy(
                        m ->
                                assertThat(m.path("donorId").asString())
                                        .isEqualTo(pair.donor().id().toString()));
        JsonNode found = byDonor.json().path("items").get(0);
        assertThat(found.path("patientName").asString()).isNotBlank();
        assertThat(found.path("donorName").asString()).isNotBlank();
        var patientSearching = pair.patient().client().get("/api/v1/matches?q=" + donorEmail);
        assertThat(patientSearching.status()).isEqualTo(403);
        assertThat(patientSearching.text("type")).endsWith("search-not-allowed");
        var percent = coordinator.client().get("/api/v1/matches?q=%25");
        assertThat(percent.status()).isEqualTo(200);
        assertThat(percent.json().path("total").asLong())
                .as("%% is a character, not a wildcard")
                .isZero();

        // A run's proposals paged one by one are the whole list, in the same order, counted.
        String runId = pair.run().path("id").asString();
        var whole = coordinator.client().get("/api/v1/matches?limit=100&runId=" + runId);
        List<String> paged = new ArrayList<>();
        for (var page :
                Registry.onePageAtATime(coordinator.client(), "/api/v1/matches?runId=" + runId)) {
            assertThat(page.json().path("total").asLong())
                    .isEqualTo(whole.json().path("items").size());
            page.json().path("items").forEach(m -> paged.add(m.path("id").asString()));
        }
        List<String> all = new ArrayList<>();
        whole.json().path("items").forEach(m -> all.add(m.path("id").asString()));
        assertThat(paged).isEqualTo(all);

        // The request's runs, newest first, counted; its own patient may not list them.
        JsonNode second = Matching.run(coordinator, pair.requestId());
        String runsPath = "/api/v1/transplant-requests/" + pair.requestId() + "/match-runs";
        var runs = coordinator.client().get(runsPath + "?limit=1");
        assertThat(runs.status()).as(runs.toString()).isEqualTo(200);
        assertThat(runs.json().path("total").asLong()).isEqualTo(2);
        assertThat(runs.json().path("items").get(0).path("id").asString())
                .isEqualTo(second.path("id").asString());
        var older =
                coordinator.client().get(runsPath + "?limit=1&after=" + runs.text("nextCursor"));
        assertThat(older.json().path("items").get(0).path("id").asString()).isEqualTo(runId);
        assertThat(older.json().path("items").get(0).path("candidateCount").asInt()).isPositive();
        assertThat(pair.patient().client().get(runsPath).status()).isEqualTo(403);
        assertThat(Accounts.patient().client().get(runsPath).status()).isEqualTo(404);
        assertThat(
                        coordinator
                                .client()
                                .get(
                                        "/api/v1/transplant-requests/"
                                                + UUID.randomUUID()
                                                + "/match-runs")
                                .status())
                .isEqualTo(404);

        // The match's record: the coordinator's (audited, with its version), the patient's
        // (without the donor), nobody else's.
        String matchPath = "/api/v1/matches/" + pair.matchId();
        var record = coordinator.client().get(matchPath);
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        assertThat(record.text("pledgeId")).isEqualTo(pair.pledgeId());
        assertThat(record.text("donorName")).isNotBlank();
        assertThat(record.header("ETag")).isEqualTo("\"" + record.text("version") + "\"");
        var patientsOwn = pair.patient().client().get(matchPath);
        assertThat(patientsOwn.status()).isEqualTo(200);
        assertThat(patientsOwn.json().has("pledgeId")).isFalse();
        assertThat(patientsOwn.json().has("donorName")).isFalse();
        assertThat(pair.donor().client().get(matchPath).status())
                .as("a donor sees approved matches only")
                .isEqualTo(404);
        assertThat(Accounts.patient().client().get(matchPath).status()).isEqualTo(404);
        assertThat(coordinator.client().get("/api/v1/matches/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(coordinator.client().get("/api/v1/matches/not-an-id").status()).isEqualTo(400);
    }

    private static List<String> codes(JsonNode exclusion) {
        List<String> codes = new ArrayList<>();
        exclusion.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }
}
