package org.ramsetu.core.ranking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ramsetu.core.features.FeatureVector;

/** Output of the hard filters and feature extraction: what is sent to the scoring service. */
public record PreparedRun(
        Instant asOf, List<Candidate> eligible, List<ExcludedCandidate> excluded) {
    public PreparedRun {
        eligible = List.copyOf(eligible);
        excluded = List.copyOf(excluded);
    }

    /** Feature vectors keyed by candidate id, in a stable order, for the scoring request. */
    public Map<CandidateId, FeatureVector> featureVectors() {
        Map<CandidateId, FeatureVector> map = new LinkedHashMap<>();
        for (Candidate c : eligible) {
            map.put(c.id(), c.features().vector());
        }
        return map;
    }
}
