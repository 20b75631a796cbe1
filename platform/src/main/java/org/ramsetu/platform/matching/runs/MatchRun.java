package org.ramsetu.platform.matching.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.rankingruns.RunTrigger;

/**
 * An immutable match run: what was ranked for one transplant request, how and with what. Written
 * once; the database refuses any update or delete of it (V140). A correction is a new run.
 *
 * @param requestVersion the version of the request that was ranked
 * @param createdBy the coordinator; null for a run written by the re-scoring job
 * @param degradedCause why the ML score was not used; null unless degraded
 * @param modelVersion the ML model that scored the candidates; null when degraded or when no
 *     candidate was eligible
 * @param rescoredFrom for a re-scoring run, the degraded run it replaces
 * @param candidates the ranked candidates, best first (all of them, or the head when read back)
 * @param excluded pledges removed by the hard filters (all, or the head when read back)
 * @param counted the other pledges of the organ, neither ranked nor listed, by reason (see {@link
 *     org.ramsetu.platform.registry.pledges.PledgeSearch} and {@code ABO_INCOMPATIBLE}), so that
 *     ranked + excluded + counted = every pledge of the organ when the run started; null for a run
 *     recorded before runs counted them
 */
public record MatchRun(
        UUID id,
        UUID requestId,
        Organ organ,
        long requestVersion,
        Instant createdAt,
        UUID createdBy,
        RunTrigger trigger,
        boolean degraded,
        String degradedCause,
        String modelVersion,
        String policyVersion,
        List<String> formulaVersions,
        UUID rescoredFrom,
        RunSettings settings,
        int candidateCount,
        int excludedCount,
        List<RunCandidate> candidates,
        List<RunExclusion> excluded,
        Map<String, Integer> counted,
        long durationMillis) {}
