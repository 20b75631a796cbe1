package org.ramsetu.core.allocation;

import java.util.List;
import org.ramsetu.core.ranking.ExcludedCandidate;

/**
 * A complete, ordered allocation list for one organ.
 *
 * @param degraded ranked without ML scores (the scoring service was unavailable for someone)
 * @param modelVersion the model that scored the candidates; null when degraded
 * @param formulaVersions every formula that contributed, for the run record
 */
public record AllocationResult(
        List<AllocatedCandidate> ranked,
        List<ExcludedCandidate> excluded,
        boolean degraded,
        String policyId,
        String modelVersion,
        List<String> formulaVersions) {
    public AllocationResult {
        ranked = List.copyOf(ranked);
        excluded = List.copyOf(excluded);
        formulaVersions = List.copyOf(formulaVersions);
    }
}
