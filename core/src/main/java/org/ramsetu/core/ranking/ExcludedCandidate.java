package org.ramsetu.core.ranking;

import java.util.List;
import org.ramsetu.core.eligibility.Exclusion;

/** A pair removed by a hard filter, with every reason. */
public record ExcludedCandidate(CandidateId id, List<Exclusion> exclusions) {
    public ExcludedCandidate {
        exclusions = List.copyOf(exclusions);
    }
}
