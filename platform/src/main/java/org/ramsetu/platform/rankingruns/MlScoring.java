package org.ramsetu.platform.rankingruns;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.features.FeatureSchema;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.ranking.Candidate;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.MlScores;
import org.ramsetu.core.ranking.PreparedRun;
import org.ramsetu.infra.scoring.FeatureRows;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.RankedCandidate;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoredCandidate;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringException;
import org.ramsetu.infra.scoring.ScoringUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the model server for every eligible candidate's ML score, keyed by the candidate's id (the
 * pledge id) and never by position, and for the per-feature contributions of the candidates a run
 * proposes. Any failure to score is an honest outcome, not an exception: the run is then ranked on
 * the clinical policy alone and marked degraded with the reason given here.
 */
public class MlScoring {

    private static final Logger log = LoggerFactory.getLogger(MlScoring.class);

    /**
     * @param scores by candidate id; {@link MlScores#unavailable()} when scoring failed
     * @param unavailableReason why there are no scores, for the run record; null when scored
     */
    public record Outcome(MlScores scores, String unavailableReason, String cause) {
        public Outcome(MlScores scores, String unavailableReason) {
            this(scores, unavailableReason, unavailableReason == null ? null : "invalid_answer");
        }

        static Outcome unavailable(String reason) {
            return new Outcome(MlScores.unavailable(), reason);
        }

        static Outcome unavailable(ScoringException e) {
            String cause =
                    e instanceof ScoringUnavailableException u ? u.reason().label() : "refused";
            return new Outcome(MlScores.unavailable(), e.getMessage(), cause);
        }
    }

    private final ScoringClient client;
    private final int batchSize;
    private final String runKind;

    public MlScoring(ScoringClient client, int batchSize) {
        this(client, batchSize, "match");
    }

    /**
     * @param runKind {@code match} or {@code allocation}: a label of {@code
     *     ramsetu_ranking_scoring_total}, which counts scored and degraded runs by cause
     */
    public MlScoring(ScoringClient client, int batchSize, String runKind) {
        this.client = client;
        this.batchSize = batchSize;
        this.runKind = runKind;
    }

    /** For a patient's match run: each candidate is the pledge on the wire. */
    public Outcome score(Organ organ, PreparedRun run) {
        return score(organ, run, CandidateId::donorId);
    }

    /**
     * @param wireId the id each candidate has on the wire, unique within the run: the pledge for a
     *     patient's match run, the request for a donor's allocation run
     */
    public Outcome score(Organ organ, PreparedRun run, Function<CandidateId, String> wireId) {
        Outcome outcome = scoreAll(organ, run, wireId);
        Counter.builder("ramsetu.ranking.scoring")
                .description("Ranking runs by scoring outcome: scored, or degraded with its cause")
                .tag("run", runKind)
                .tag("outcome", outcome.unavailableReason() == null ? "scored" : "degraded")
                .tag("cause", outcome.cause() == null ? "none" : outcome.cause())
                .register(Metrics.globalRegistry)
                .increment();
        return outcome;
    }

    private Outcome scoreAll(Organ organ, PreparedRun run, Function<CandidateId, String> wireId) {
        List<Candidate> eligible = run.eligible();
        if (eligible.isEmpty()) {
            return new Outcome(MlScores.of(Map.of(), null), null); // nothing to ask
        }
        List<String> features = FeatureSchema.names(organ);
        int width = features.size();
        String[] ids = new String[eligible.size()];
        double[] values = new double[eligible.size() * width];
        for (int i = 0; i < ids.length; i++) {
            Candidate c = eligible.get(i);
            ids[i] = wireId.apply(c.id());
            if (c.features().vector().organ() != organ) {
                throw new IllegalStateException(
                        "a " + c.features().vector().organ() + " candidate in a " + organ + " run");
            }
            c.features().vector().copyTo(values, i * width);
        }
        FeatureRows wire = new FeatureRows(features, ids, values);
        Answers answers = new Answers(ids);
        String modelVersion = null;
        try {
            for (int from = 0; from < wire.rows(); from += batchSize) {
                int to = Math.min(wire.rows(), from + batchSize);
                ScoreResponse answer = client.scoreRows(name(organ), wire.slice(from, to));
                if (modelVersion != null && !modelVersion.equals(answer.modelVersion())) {
                    return Outcome.unavailable(
                            "the "
                                    + name(organ)
                                    + " model changed from "
                                    + modelVersion
                                    + " to "
                                    + answer.modelVersion()
                                    + " during the run; one run uses one model");
                }
                modelVersion = answer.modelVersion();
                List<ScoredCandidate> results = answer.results();
                for (int j = 0; j < results.size(); j++) {
                    ScoredCandidate s = results.get(j);
                    if (!answers.record(from + j, s.id(), s.score())) {
                        return Outcome.unavailable(
                                "scoring answered for a candidate it was not asked about ("
                                        + s.id()
                                        + ")");
                    }
                }
            }
            if (answers.missing() > 0) {
                return Outcome.unavailable(
                        "scoring returned no score for "
                                + answers.missing()
                                + " of "
                                + eligible.size()
                                + " candidates");
            }
            return new Outcome(
                    MlScores.forCandidates(eligible, answers.scores, modelVersion), null);
        } catch (ScoringException e) {
            return Outcome.unavailable(e);
        } catch (InvalidClinicalValueException e) {
            return Outcome.unavailable("scoring returned an invalid score: " + e.getMessage());
        }
    }

    /**
     * The scores answered, one slot per candidate asked about. Each answer names its candidate; it
     * is placed by that name. A server that answers in the order it was asked (the model server
     * does) is placed without a lookup: the id at the expected slot is compared and matches; any
     * other order falls back to an index of the ids, built once.
     */
    private static final class Answers {
        private final String[] ids;
        private final double[] scores;
        private final boolean[] answered;
        private int count;
        private Map<String, Integer> slots;

        Answers(String[] ids) {
            this.ids = ids;
            this.scores = new double[ids.length];
            this.answered = new boolean[ids.length];
        }

        /** False when {@code id} was not asked about. */
        boolean record(int expectedSlot, String id, double score) {
            int slot =
                    expectedSlot < ids.length && ids[expectedSlot].equals(id)
                            ? expectedSlot
                            : slotOf(id);
            if (slot < 0) {
                return false;
            }
            if (!answered[slot]) {
                answered[slot] = true;
                count++;
            }
            scores[slot] = score;
            return true;
        }

        int missing() {
            return ids.length - count;
        }

        private int slotOf(String id) {
            if (slots == null) {
                slots = new HashMap<>(ids.length * 2);
                for (int i = 0; i < ids.length; i++) {
                    slots.put(ids[i], i);
                }
            }
            Integer slot = slots.get(id);
            return slot == null ? -1 : slot;
        }
    }

    /**
     * The model's per-feature contributions (SHAP) for the proposed candidates, by candidate id.
     * Only an explanation: when it cannot be had, the run keeps its scores and says nothing more.
     */
    public Map<CandidateId, Map<String, Double>> contributions(
            Organ organ, List<Candidate> proposed, String modelVersion) {
        if (proposed.isEmpty()) {
            return Map.of();
        }
        Map<String, CandidateId> byWireId = new HashMap<>();
        List<org.ramsetu.infra.scoring.Candidate> wire = new ArrayList<>();
        for (Candidate c : proposed) {
            byWireId.put(c.id().donorId(), c.id());
            wire.add(
                    new org.ramsetu.infra.scoring.Candidate(
                            c.id().donorId(), c.features().vector().asMap()));
        }
        try {
            RankResponse answer = client.rank(name(organ), new RankRequest(wire, wire.size()));
            if (!answer.modelVersion().equals(modelVersion)) {
                return Map.of(); // another model's reasons would not explain these scores
            }
            Map<CandidateId, Map<String, Double>> out = new HashMap<>();
            for (RankedCandidate r : answer.results()) {
                CandidateId id = byWireId.get(r.id());
                if (id != null) {
                    out.put(id, r.contributions());
                }
            }
            return out;
        } catch (ScoringException e) {
            log.warn("Contributions of the proposed candidates unavailable: {}", e.getMessage());
            return Map.of();
        }
    }

    private static String name(Organ organ) {
        return organ.name().toLowerCase(Locale.ROOT);
    }
}
