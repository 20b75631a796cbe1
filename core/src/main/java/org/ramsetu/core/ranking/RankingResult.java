package org.ramsetu.core.ranking;

import java.util.List;

/**
 * A complete, ordered match list.
 *
 * @param degraded true when ranked on clinical components alone (ML score missing for anyone)
 * @param formulaVersions every formula/table version that contributed, for the run record
 */
public record RankingResult(
        List<RankedCandidate> ranked,
        List<ExcludedCandidate> excluded,
        boolean degraded,
        String policyVersion,
        String modelVersion,
        List<String> formulaVersions) {
    public RankingResult {
        ranked = List.copyOf(ranked);
        excluded = List.copyOf(excluded);
        formulaVersions = List.copyOf(formulaVersions);
    }
}
