package org.ramsetu.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.scoring.Candidate;
import org.ramsetu.infra.scoring.FeatureRows;
import org.ramsetu.infra.scoring.InvalidCandidatesException;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.RankedCandidate;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoredCandidate;
import org.ramsetu.infra.scoring.ScoringUnavailableException;
import org.ramsetu.infra.scoring.TooManyCandidatesException;
import org.ramsetu.infra.scoring.UnknownOrganException;
import org.ramsetu.scoring.runtime.LoadedModels;
import org.ramsetu.scoring.runtime.ScoringMetrics;
import org.ramsetu.scoring.testing.TinyModels;

class InProcessScoringClientTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoadedModels models = new LoadedModels();
    private final InProcessScoringClient client =
            new InProcessScoringClient(models, 100, new ScoringMetrics(meters));

    @BeforeEach
    void loadKidney() {
        models.install(TinyModels.loaded(Organ.KIDNEY, "v-test"));
    }

    static Candidate kidney(String id, double quality, double km, int urgency) {
        return new Candidate(
                id,
                Map.of(
                        "hla_score", quality,
                        "renal_score", quality,
                        "imaging_score", quality,
                        "cardiac_score", quality,
                        "distance_km", km,
                        "urgency_level", (double) urgency));
    }

    @Test
    void rankReturnsTheTopKBestFirstKeyedByIdEvenWhenTheBestComesLast() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            candidates.add(kidney("weak-" + i, 0.45, 1_500, 1));
        }
        candidates.add(kidney("good", 0.85, 200, 3));
        candidates.add(kidney("best", 0.98, 50, 5));

        RankResponse response = client.rank("KIDNEY", new RankRequest(candidates, 2));

        assertThat(response.modelVersion()).isEqualTo("v-test");
        assertThat(response.results())
                .extracting(RankedCandidate::id)
                .containsExactly("best", "good");
        assertThat(response.results().get(0).score())
                .isGreaterThan(response.results().get(1).score());
    }

    @Test
    void contributionsNameEveryFeatureAndAddUpToTheScore() {
        RankResponse response =
                client.rank("kidney", new RankRequest(List.of(kidney("c1", 0.8, 120.5, 3)), 10));

        RankedCandidate only = response.results().get(0);
        assertThat(only.contributions())
                .containsOnlyKeys(
                        "hla_score",
                        "renal_score",
                        "imaging_score",
                        "cardiac_score",
                        "distance_km",
                        "urgency_level");
        double sum =
                response.baseScore()
                        + only.contributions().values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum();
        assertThat(sum).isCloseTo(only.score(), within(1e-4));
    }

    @Test
    void scoreAnswersForEveryCandidateByIdMatchingTheRankScores() {
        List<Candidate> candidates =
                List.of(
                        kidney("a", 0.5, 900, 2),
                        kidney("b", 0.95, 10, 4),
                        kidney("c", 0.7, 300, 3));

        ScoreResponse scored = client.score("kidney", new ScoreRequest(candidates));
        RankResponse ranked = client.rank("kidney", new RankRequest(candidates, 3));

        Map<String, Double> byId = new HashMap<>();
        scored.results().forEach(r -> byId.put(r.id(), r.score()));
        assertThat(byId).containsOnlyKeys("a", "b", "c");
        ranked.results().forEach(r -> assertThat(byId.get(r.id())).isEqualTo(r.score()));
        assertThat(scored.results()).extracting(ScoredCandidate::id).containsExactly("a", "b", "c");
    }

    @Test
    void everyBadFeatureIsReportedNamingItsCandidateAndField() {
        Map<String, Double> features = new HashMap<>(kidney("x", 0.5, 100, 3).features());
        features.remove("renal_score");
        features.put("hla_score", 1.5);
        features.put("colour", 0.3);
        List<Candidate> candidates =
                List.of(kidney("fine", 0.5, 100, 3), new Candidate("bad", features));

        assertThatThrownBy(() -> client.score("kidney", new ScoreRequest(candidates)))
                .isInstanceOfSatisfying(
                        InvalidCandidatesException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(
                                                p ->
                                                        p.candidateId()
                                                                + "/"
                                                                + p.index()
                                                                + "/"
                                                                + p.field())
                                        .containsExactlyInAnyOrder(
                                                "bad/1/features.hla_score",
                                                "bad/1/features.renal_score",
                                                "bad/1/features.colour"));
    }

    @Test
    void repeatedIdsAreRefusedBecauseResultsAreKeyedById() {
        List<Candidate> candidates =
                List.of(kidney("same", 0.5, 100, 3), kidney("same", 0.6, 100, 3));

        assertThatThrownBy(() -> client.score("kidney", new ScoreRequest(candidates)))
                .hasMessageContaining("candidate 'same' (candidates[1]) field id");
    }

    @Test
    void refusesUnknownOrgansTooManyCandidatesAndOrgansWithoutAModel() {
        assertThatThrownBy(() -> client.score("lung", new ScoreRequest(List.of())))
                .isInstanceOf(UnknownOrganException.class);
        List<Candidate> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) many.add(kidney("c" + i, 0.5, 100, 3));
        assertThatThrownBy(() -> client.score("kidney", new ScoreRequest(many)))
                .isInstanceOfSatisfying(
                        TooManyCandidatesException.class,
                        e -> assertThat(e.limit()).isEqualTo(100));
        assertThatThrownBy(() -> client.score("heart", new ScoreRequest(List.of())))
                .isInstanceOf(ScoringUnavailableException.class)
                .hasMessageContaining("heart model is not loaded");
    }

    @Test
    void recordsLatencyAndCandidatesPerOrganAndEndpoint() {
        client.score(
                "kidney",
                new ScoreRequest(List.of(kidney("a", 0.5, 10, 1), kidney("b", 0.6, 10, 1))));

        assertThat(
                        meters.get("ramsetu.scoring.candidates")
                                .tags("organ", "kidney", "endpoint", "score")
                                .counter()
                                .count())
                .isEqualTo(2);
        assertThat(
                        meters.get("ramsetu.scoring.latency")
                                .tags("organ", "kidney", "endpoint", "score")
                                .timer()
                                .count())
                .isEqualTo(1);
    }

    private static FeatureRows rowsOf(List<String> features, List<Candidate> candidates) {
        String[] ids = new String[candidates.size()];
        double[] values = new double[candidates.size() * features.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = candidates.get(i).id();
            for (int f = 0; f < features.size(); f++) {
                values[i * features.size() + f] = candidates.get(i).features().get(features.get(f));
            }
        }
        return new FeatureRows(features, ids, values);
    }

    @Test
    void rowsScoreExactlyAsMapsDo() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            candidates.add(kidney("c" + i, 0.4 + i / 80.0, 30 * i, 1 + i % 5));
        }
        List<String> features = InProcessScoringClient.features(Organ.KIDNEY);

        ScoreResponse byMaps = client.score("kidney", new ScoreRequest(candidates));
        ScoreResponse byRows = client.scoreRows("kidney", rowsOf(features, candidates));
        // Columns in another order are read by name, with the same answer.
        List<String> reversed = new ArrayList<>(features);
        java.util.Collections.reverse(reversed);
        ScoreResponse byReorderedRows = client.scoreRows("kidney", rowsOf(reversed, candidates));

        assertThat(byRows).isEqualTo(byMaps);
        assertThat(byReorderedRows).isEqualTo(byMaps);
        assertThat(byMaps.results()).hasSize(40);
    }

    @Test
    void aBadRowIsRefusedWithTheProblemsAMapWouldGet() {
        List<Candidate> candidates =
                List.of(
                        kidney("fine", 0.8, 100, 3),
                        kidney("negative", 0.8, -5, 3),
                        kidney("fine", 0.7, 100, 3));
        FeatureRows rows = rowsOf(InProcessScoringClient.features(Organ.KIDNEY), candidates);

        InvalidCandidatesException byMaps =
                org.assertj.core.api.Assertions.catchThrowableOfType(
                        InvalidCandidatesException.class,
                        () -> client.score("kidney", new ScoreRequest(candidates)));
        InvalidCandidatesException byRows =
                org.assertj.core.api.Assertions.catchThrowableOfType(
                        InvalidCandidatesException.class, () -> client.scoreRows("kidney", rows));

        assertThat(byRows.problems()).isNotEmpty().isEqualTo(byMaps.problems());
    }
}
