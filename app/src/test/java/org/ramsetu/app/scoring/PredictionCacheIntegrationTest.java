package org.ramsetu.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.flags.FeatureFlag;
import org.ramsetu.infra.flags.FeatureFlagStore;
import org.ramsetu.infra.flags.FlagKeys;
import org.ramsetu.infra.flags.PostgresFeatureProvider;
import org.ramsetu.infra.scoring.Candidate;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoredCandidate;
import org.ramsetu.infra.scoring.cache.PredictionCacheProperties;
import org.ramsetu.infra.scoring.cache.PredictionCachingScoringClient;
import org.ramsetu.infra.testing.TestDatabase;
import org.ramsetu.scoring.registry.ModelCard;
import org.ramsetu.scoring.runtime.LoadedModel;
import org.ramsetu.scoring.runtime.LoadedModels;
import org.ramsetu.scoring.runtime.ScoringMetrics;
import org.ramsetu.scoring.service.InProcessScoringClient;
import org.ramsetu.scoring.training.Dataset;
import org.ramsetu.scoring.training.ModelTrainer;
import org.ramsetu.scoring.training.TrainedModel;
import org.ramsetu.scoring.training.TrainingParameters;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The prediction cache in front of real models scored in-process, switched by the real flag in
 * PostgreSQL: hits, misses, a model change between two runs and during a call, and the flag off.
 */
class PredictionCacheIntegrationTest {

    private static final TrainingParameters SMALL = new TrainingParameters(30, 2, 0.5, 1);

    @TempDir static Path dir;
    private static TestDatabase db;
    private static FeatureFlagStore store;
    private static PostgresFeatureProvider provider;
    private static Client flags;
    private static TrainedModel first;
    private static TrainedModel second;

    private LoadedModels models;
    private InProcessScoringClient direct;

    @BeforeAll
    static void start() {
        db = TestDatabase.start(dir);
        store =
                new FeatureFlagStore(
                        db.jdbc(),
                        new TransactionTemplate(new JdbcTransactionManager(db.dataSource())));
        provider = new PostgresFeatureProvider(store, "production", Duration.ofHours(1));
        String domain = "cache-" + UUID.randomUUID();
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        flags = OpenFeatureAPI.getInstance().getClient(domain);
        first = new ModelTrainer(SMALL).train(Dataset.synthetic(Organ.KIDNEY, 2_000, 7), 7);
        second = new ModelTrainer(SMALL).train(Dataset.synthetic(Organ.KIDNEY, 2_000, 11), 11);
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
        db.close();
    }

    @BeforeEach
    void loadFirstModelAndSwitchTheCacheOn() {
        models = new LoadedModels();
        models.install(loaded(first, "v-first"));
        direct =
                new InProcessScoringClient(
                        models, 20_000, new ScoringMetrics(new SimpleMeterRegistry()));
        cacheFlag(true);
    }

    private static void cacheFlag(boolean on) {
        store.change(
                FlagKeys.PREDICTION_CACHE,
                "test",
                current ->
                        Optional.of(
                                new FeatureFlag(
                                        FlagKeys.PREDICTION_CACHE,
                                        "",
                                        true,
                                        on ? "on" : "off",
                                        Map.of("on", true, "off", false),
                                        List.of(),
                                        0,
                                        null,
                                        null)));
        provider.refresh();
    }

    private PredictionCachingScoringClient cached(Duration versionCheck) {
        return new PredictionCachingScoringClient(
                direct, flags, "in-process", new PredictionCacheProperties(10_000, versionCheck));
    }

    @Test
    void aRepeatedRunIsServedFromTheCacheWithTheSameScores() {
        var cache = cached(Duration.ofHours(1));
        List<Candidate> batch = candidates(500, 1);

        ScoreResponse once = cache.score("kidney", new ScoreRequest(batch));
        ScoreResponse twice = cache.score("kidney", new ScoreRequest(batch));

        assertThat(byId(once)).isEqualTo(byId(direct.score("kidney", new ScoreRequest(batch))));
        assertThat(byId(twice)).isEqualTo(byId(once));
        assertThat(twice.modelVersion()).isEqualTo("v-first");
        assertThat(cache.stats().missCount()).isEqualTo(500);
        assertThat(cache.stats().hitCount()).isEqualTo(500);
    }

    @Test
    void onlyCandidatesWhoseFeaturesChangedGoToTheModel() {
        var cache = cached(Duration.ofHours(1));
        List<Candidate> batch = candidates(200, 2);
        cache.score("kidney", new ScoreRequest(batch));

        List<Candidate> changed = new ArrayList<>(batch);
        Map<String, Double> features = new HashMap<>(batch.get(0).features());
        features.put("distance_km", features.get("distance_km") + 250);
        changed.set(0, new Candidate(batch.get(0).id(), features));
        // A new candidate id with known features is a hit: the key is the features, not the id.
        changed.add(new Candidate("another-id", batch.get(1).features()));
        ScoreResponse answer = cache.score("kidney", new ScoreRequest(changed));

        assertThat(cache.stats().hitCount()).isEqualTo(200);
        assertThat(cache.stats().missCount()).isEqualTo(201);
        assertThat(byId(answer)).isEqualTo(byId(direct.score("kidney", new ScoreRequest(changed))));
    }

    @Test
    void aNewModelVersionIsUsedAndTheOldVersionsScoresAreDropped() {
        var cache = cached(Duration.ZERO); // versions asked for on every call
        List<Candidate> batch = candidates(300, 3);
        cache.score("kidney", new ScoreRequest(batch));
        assertThat(cache.size()).isEqualTo(300);

        models.install(loaded(second, "v-second"));
        ScoreResponse answer = cache.score("kidney", new ScoreRequest(batch));

        assertThat(answer.modelVersion()).isEqualTo("v-second");
        assertThat(byId(answer)).isEqualTo(byId(direct.score("kidney", new ScoreRequest(batch))));
        assertThat(byId(answer)).isNotEqualTo(byId(firstModelScores(batch)));
        assertThat(cache.size()).isEqualTo(300); // the first model's 300 are gone
    }

    @Test
    void aModelSwapBetweenLookupAndCallNeverMixesTwoModelsInOneAnswer() {
        var cache = cached(Duration.ofHours(1)); // the known version stays v-first
        List<Candidate> batch = candidates(100, 4);
        cache.score("kidney", new ScoreRequest(batch.subList(0, 60)));

        models.install(loaded(second, "v-second"));
        ScoreResponse answer = cache.score("kidney", new ScoreRequest(batch));

        // 60 hits were of v-first; the 40 misses came back from v-second: all 100 re-scored.
        assertThat(answer.modelVersion()).isEqualTo("v-second");
        assertThat(byId(answer)).isEqualTo(byId(direct.score("kidney", new ScoreRequest(batch))));
        ScoreResponse again = cache.score("kidney", new ScoreRequest(batch));
        assertThat(again.modelVersion()).isEqualTo("v-second");
        assertThat(byId(again)).isEqualTo(byId(answer));
    }

    @Test
    void withTheFlagOffEveryCallGoesToTheModelAndNothingIsCached() {
        var cache = cached(Duration.ofHours(1));
        cacheFlag(false);
        List<Candidate> batch = candidates(50, 5);

        cache.score("kidney", new ScoreRequest(batch));
        cache.score("kidney", new ScoreRequest(batch));

        assertThat(cache.stats().requestCount()).isZero();
        assertThat(cache.size()).isZero();
        cacheFlag(true);
        cache.score("kidney", new ScoreRequest(batch));
        assertThat(cache.stats().missCount()).isEqualTo(50);
    }

    @Test
    void theFiguresAreMetrics() {
        var cache = cached(Duration.ofHours(1));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        cache.bindTo(meters);
        List<Candidate> batch = candidates(20, 6);
        cache.score("kidney", new ScoreRequest(batch));
        cache.score("kidney", new ScoreRequest(batch));

        assertThat(
                        meters.get("ramsetu.prediction.cache.requests")
                                .tag("result", "hit")
                                .functionCounter()
                                .count())
                .isEqualTo(20);
        assertThat(
                        meters.get("ramsetu.prediction.cache.requests")
                                .tag("result", "miss")
                                .functionCounter()
                                .count())
                .isEqualTo(20);
        assertThat(meters.get("ramsetu.prediction.cache.size").gauge().value()).isEqualTo(20);
    }

    private ScoreResponse firstModelScores(List<Candidate> batch) {
        LoadedModels old = new LoadedModels();
        old.install(loaded(first, "v-first"));
        return new InProcessScoringClient(
                        old, 20_000, new ScoringMetrics(new SimpleMeterRegistry()))
                .score("kidney", new ScoreRequest(batch));
    }

    private static Map<String, Double> byId(ScoreResponse response) {
        Map<String, Double> scores = new HashMap<>();
        for (ScoredCandidate s : response.results()) {
            scores.put(s.id(), s.score());
        }
        return scores;
    }

    /** Kidney candidates with the features of the synthetic training data. */
    static List<Candidate> candidates(int count, long seed) {
        Dataset data = Dataset.synthetic(Organ.KIDNEY, count, seed);
        List<Candidate> out = new ArrayList<>(count);
        int width = data.columns();
        for (int row = 0; row < count; row++) {
            Map<String, Double> features = new HashMap<>();
            for (int f = 0; f < width; f++) {
                features.put(data.features().get(f), (double) data.x()[row * width + f]);
            }
            out.add(new Candidate("c-" + seed + "-" + row, features));
        }
        return out;
    }

    private static LoadedModel loaded(TrainedModel model, String version) {
        ModelCard card =
                new ModelCard(
                        version,
                        Instant.parse("2026-12-01T10:00:00Z"),
                        "kidney",
                        model.features(),
                        2_000,
                        7,
                        model.metrics().asMap(),
                        SMALL.asCardEntry(),
                        Map.of(),
                        ModelTrainer.ARTIFACT_FORMAT,
                        "0".repeat(64),
                        model.artifact().length,
                        0,
                        "test",
                        "synthetic");
        return LoadedModel.load(Organ.KIDNEY, card, model.artifact(), 1);
    }
}
