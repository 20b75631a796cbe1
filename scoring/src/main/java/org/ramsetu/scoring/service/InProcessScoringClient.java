package org.ramsetu.scoring.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ramsetu.core.features.FeatureSchema;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.scoring.Candidate;
import org.ramsetu.infra.scoring.CandidateProblem;
import org.ramsetu.infra.scoring.FeatureRows;
import org.ramsetu.infra.scoring.InvalidCandidatesException;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.RankedCandidate;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoredCandidate;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringUnavailableException;
import org.ramsetu.infra.scoring.TooManyCandidatesException;
import org.ramsetu.scoring.runtime.LoadedModel;
import org.ramsetu.scoring.runtime.LoadedModels;
import org.ramsetu.scoring.runtime.Organs;
import org.ramsetu.scoring.runtime.ScoringMetrics;

/**
 * Scoring in the caller's JVM, on the models in memory: what {@code all} uses and what the HTTP
 * endpoints of the {@code scoring} target delegate to. All candidates of a call are scored in one
 * native call; SHAP contributions are computed for the returned top K only.
 */
public final class InProcessScoringClient implements ScoringClient {

    private final LoadedModels models;
    private final int maxCandidates;
    private final ScoringMetrics metrics;

    public InProcessScoringClient(LoadedModels models, int maxCandidates, ScoringMetrics metrics) {
        this.models = models;
        this.maxCandidates = maxCandidates;
        this.metrics = metrics;
    }

    public int maxCandidates() {
        return maxCandidates;
    }

    @Override
    public RankResponse rank(String organName, RankRequest request) {
        Organ organ = Organs.parse(organName);
        return rank(organ, batchOf(organ, request.candidates()), request.topK());
    }

    @Override
    public ScoreResponse score(String organName, ScoreRequest request) {
        Organ organ = Organs.parse(organName);
        return score(organ, batchOf(organ, request.candidates()));
    }

    /** Reads the matrix as it is when its columns are the model's, else by name like a map. */
    @Override
    public ScoreResponse scoreRows(String organName, FeatureRows rows) {
        Organ organ = Organs.parse(organName);
        List<String> features = features(organ);
        if (!rows.features().equals(features)) {
            // Unknown, missing or reordered columns: the by-name path names each problem.
            return score(organ, batchOf(organ, rows.asRequest().candidates()));
        }
        if (rows.rows() > maxCandidates) {
            throw new TooManyCandidatesException(rows.rows(), maxCandidates);
        }
        CandidateBatchBuilder builder = new CandidateBatchBuilder(features, maxCandidates);
        int width = features.size();
        for (int i = 0; i < rows.rows(); i++) {
            builder.row(rows.ids()[i], rows.values(), i * width);
        }
        return score(organ, builder.build());
    }

    /** Ranks candidates already laid out for the organ's model (the HTTP endpoint's path). */
    public RankResponse rank(Organ organ, CandidateBatch batch, int topK) {
        if (topK < 1) {
            throw new InvalidCandidatesException(
                    List.of(
                            CandidateProblem.ofRequest(
                                    "topK", "must be at least 1 (was " + topK + ")")));
        }
        return metrics.time(
                organ,
                "rank",
                batch.rows(),
                () -> withModel(organ, model -> rank(model, batch, topK)));
    }

    /** Scores candidates already laid out for the organ's model (the HTTP endpoint's path). */
    public ScoreResponse score(Organ organ, CandidateBatch batch) {
        return metrics.time(
                organ, "score", batch.rows(), () -> withModel(organ, model -> score(model, batch)));
    }

    @Override
    public List<ModelSummary> models() {
        List<ModelSummary> loaded = new ArrayList<>();
        for (Organ organ : Organ.values()) {
            models.current(organ)
                    .map(LoadedModel::card)
                    .map(ModelSummaries::of)
                    .ifPresent(loaded::add);
        }
        return loaded;
    }

    /** The features a request for {@code organ} must carry, in model order. */
    public static List<String> features(Organ organ) {
        return FeatureSchema.names(organ);
    }

    private CandidateBatch batchOf(Organ organ, List<Candidate> candidates) {
        if (candidates.size() > maxCandidates) {
            throw new TooManyCandidatesException(candidates.size(), maxCandidates);
        }
        CandidateBatchBuilder builder = new CandidateBatchBuilder(features(organ), maxCandidates);
        for (Candidate candidate : candidates) {
            builder.begin();
            builder.id(candidate.id());
            candidate.features().forEach(builder::feature);
            builder.end();
        }
        return builder.build();
    }

    private static RankResponse rank(LoadedModel model, CandidateBatch batch, int topK) {
        checkLayout(model, batch);
        if (batch.rows() == 0) {
            return new RankResponse(model.card().version(), null, List.of());
        }
        float[] scores = model.predict(batch.x(), batch.rows());
        int[] best = TopK.select(scores, topK);
        int width = batch.features().size();
        float[] chosen = new float[best.length * width];
        for (int i = 0; i < best.length; i++) {
            System.arraycopy(batch.x(), best[i] * width, chosen, i * width, width);
        }
        float[][] contributions = model.contributions(chosen, best.length);
        List<RankedCandidate> results = new ArrayList<>(best.length);
        for (int i = 0; i < best.length; i++) {
            Map<String, Double> byFeature = new LinkedHashMap<>();
            for (int f = 0; f < width; f++) {
                byFeature.put(batch.features().get(f), round(contributions[i][f]));
            }
            results.add(
                    new RankedCandidate(batch.ids()[best[i]], round(scores[best[i]]), byFeature));
        }
        return new RankResponse(model.card().version(), round(contributions[0][width]), results);
    }

    private static ScoreResponse score(LoadedModel model, CandidateBatch batch) {
        checkLayout(model, batch);
        if (batch.rows() == 0) {
            return new ScoreResponse(model.card().version(), List.of());
        }
        float[] scores = model.predict(batch.x(), batch.rows());
        List<ScoredCandidate> results = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            results.add(new ScoredCandidate(batch.ids()[i], round(scores[i])));
        }
        return new ScoreResponse(model.card().version(), results);
    }

    /** Models are trained on FeatureSchema's order; a card saying otherwise must not be served. */
    private static void checkLayout(LoadedModel model, CandidateBatch batch) {
        if (!model.features().equals(batch.features())) {
            throw new ScoringUnavailableException(
                    "the "
                            + model.card().organ()
                            + " model "
                            + model.card().version()
                            + " reads features "
                            + model.features()
                            + ", not "
                            + batch.features()
                            + "; register a model trained by this version of RamSetu");
        }
    }

    private <T> T withModel(Organ organ, java.util.function.Function<LoadedModel, T> work) {
        return models.withModel(organ, work)
                .orElseThrow(
                        () ->
                                new ScoringUnavailableException(
                                        "the "
                                                + Organs.name(organ)
                                                + " model is not loaded yet; retry when"
                                                + " /actuator/health/readiness is UP"));
    }

    /** Six decimals: float precision, without the noise digits of widening a float to double. */
    static double round(float value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
