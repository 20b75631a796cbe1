package org.ramsetu.core.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ramsetu.core.InvalidClinicalValueException;

/**
 * ML compatibility scores in [0, 1], attached to candidates by identity, never by a position in
 * some list the scores were not made for (the original platform attached scores to the wrong donors
 * by re-sorting a top-5 list).
 *
 * <p>Two forms. {@link #of} keys scores by candidate id. {@link #forCandidates} holds one score per
 * candidate of one particular list, in that list's order: a run scores its prepared candidates, and
 * reading the scores back by position is only allowed against that very list instance ({@link
 * #scoreOrNaN(List, int)}), so 10⁵ candidates need no hash map of their ids (filling and reading
 * one cost ≈ 10 % of a kidney run's CPU).
 */
public final class MlScores {
    private static final MlScores UNAVAILABLE = new MlScores(Map.of(), null, null, null);

    private final Map<CandidateId, Double> byId;
    private final List<Candidate> candidates;
    private final double[] aligned;
    private final String modelVersion;
    private Map<CandidateId, Double> alignedById;

    private MlScores(
            Map<CandidateId, Double> byId,
            List<Candidate> candidates,
            double[] aligned,
            String modelVersion) {
        this.byId = byId;
        this.candidates = candidates;
        this.aligned = aligned;
        this.modelVersion = modelVersion;
    }

    public static MlScores of(Map<CandidateId, Double> scores, String modelVersion) {
        Map<CandidateId, Double> copy = new HashMap<>(scores.size() * 2);
        scores.forEach(
                (id, s) -> {
                    checked(id, s == null ? Double.NaN : s);
                    copy.put(id, s);
                });
        return new MlScores(copy, null, null, modelVersion);
    }

    /**
     * One score for each of {@code candidates}: {@code scores[i]} belongs to {@code
     * candidates.get(i)}.
     *
     * @param candidates an immutable list (a {@link PreparedRun#eligible()}), held, not copied:
     *     positional reads are answered only for this same instance
     */
    public static MlScores forCandidates(
            List<Candidate> candidates, double[] scores, String modelVersion) {
        if (scores.length != candidates.size()) {
            throw new IllegalArgumentException(
                    scores.length + " scores for " + candidates.size() + " candidates");
        }
        double[] copy = scores.clone();
        for (int i = 0; i < copy.length; i++) {
            checked(candidates.get(i).id(), copy[i]);
        }
        return new MlScores(Map.of(), candidates, copy, modelVersion);
    }

    private static void checked(CandidateId id, double s) {
        if (!(s >= 0.0 && s <= 1.0)) {
            throw new InvalidClinicalValueException(
                    "mlScore", "ML score for " + id + " must be between 0 and 1 (was " + s + ")");
        }
    }

    /** The scoring service is down or timed out: rank on clinical components alone. */
    public static MlScores unavailable() {
        return UNAVAILABLE;
    }

    public OptionalDouble get(CandidateId id) {
        double s = scoreOrNaN(id);
        return Double.isNaN(s) ? OptionalDouble.empty() : OptionalDouble.of(s);
    }

    /** The score, or {@code NaN} when there is none (allocation-free for large runs). */
    public double scoreOrNaN(CandidateId id) {
        Double s = (candidates == null ? byId : alignedById()).get(id);
        return s == null ? Double.NaN : s;
    }

    /**
     * The score of {@code list.get(index)}, or {@code NaN} when it has none: by position when these
     * scores were made for {@code list} itself, by the candidate's id otherwise.
     */
    public double scoreOrNaN(List<Candidate> list, int index) {
        return list == candidates ? aligned[index] : scoreOrNaN(list.get(index).id());
    }

    public String modelVersion() {
        return modelVersion;
    }

    private synchronized Map<CandidateId, Double> alignedById() {
        if (alignedById == null) {
            Map<CandidateId, Double> map = new HashMap<>(aligned.length * 2);
            for (int i = 0; i < aligned.length; i++) {
                map.put(candidates.get(i).id(), aligned[i]);
            }
            alignedById = map;
        }
        return alignedById;
    }
}
