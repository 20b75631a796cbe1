package org.ramsetu.core.ranking;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.ramsetu.core.InvalidClinicalValueException;

/**
 * ML compatibility scores in [0, 1], keyed by candidate id (never by position: the original
 * platform attached scores to the wrong donors by re-sorting a top-5 list).
 */
public final class MlScores {
    private static final MlScores UNAVAILABLE = new MlScores(Map.of(), null);

    private final Map<CandidateId, Double> scores;
    private final String modelVersion;

    private MlScores(Map<CandidateId, Double> scores, String modelVersion) {
        this.scores = scores;
        this.modelVersion = modelVersion;
    }

    public static MlScores of(Map<CandidateId, Double> scores, String modelVersion) {
        Map<CandidateId, Double> copy = new HashMap<>(scores.size() * 2);
        scores.forEach(
                (id, s) -> {
                    if (s == null || !(s >= 0.0 && s <= 1.0)) {
                        throw new InvalidClinicalValueException(
                                "mlScore",
                                "ML score for " + id + " must be between 0 and 1 (was " + s + ")");
                    }
                    copy.put(id, s);
                });
        return new MlScores(copy, modelVersion);
    }

    /** The scoring service is down or timed out: rank on clinical components alone. */
    public static MlScores unavailable() {
        return UNAVAILABLE;
    }

    public OptionalDouble get(CandidateId id) {
        Double s = scores.get(id);
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
    }

    /** The score, or {@code NaN} when there is none (allocation-free for large runs). */
    public double scoreOrNaN(CandidateId id) {
        Double s = scores.get(id);
        return s == null ? Double.NaN : s;
    }

    public String modelVersion() {
        return modelVersion;
    }
}
