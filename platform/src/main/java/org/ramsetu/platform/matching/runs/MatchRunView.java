package org.ramsetu.platform.matching.runs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.matching.matches.Match;
import org.ramsetu.platform.matching.matches.MatchStatus;

/**
 * A match run as coordinators read it.
 *
 * @param trigger {@code COORDINATOR}, or {@code RESCORING} for the run that replaced a degraded one
 * @param degraded ranked on the clinical policy alone: the ML score was unavailable
 * @param degradedCause why, e.g. {@code scoring did not answer within 2.5 s}
 * @param rescoring for a degraded run: {@code PENDING} until the re-scoring job wrote its
 *     successor, then {@code DONE}; null for a scored run
 * @param rescoredFrom for a re-scoring run, the degraded run it replaces
 * @param rescoredBy for a degraded run, the run that re-scored it, once written
 * @param candidateCount ranked candidates in the run ({@code candidates} may show only the head)
 * @param excludedCount excluded pledges in the run ({@code excluded} may show only the head)
 * @param counted the organ's other pledges, neither ranked nor listed, by reason: not verified
 *     ({@code PENDING}, {@code REJECTED}, {@code WITHDRAWN}, {@code DONATED}), {@code
 *     BLOOD_GROUP_NEVER_ALLOWED}, {@code OUT_OF_REACH}, {@code ABO_INCOMPATIBLE} (a kidney group
 *     only a zero-mismatch typing would allow); candidateCount + excludedCount + the counts = every
 *     pledge of the organ when the run started. Null for runs recorded before runs counted
 * @param proposals the matches the run proposed, best first, with their status now
 */
public record MatchRunView(
        UUID id,
        UUID requestId,
        @Schema(implementation = Organ.class) String organ,
        Instant createdAt,
        @Nullable UUID createdBy,
        String trigger,
        boolean degraded,
        @Nullable String degradedCause,
        @Nullable String rescoring,
        @Nullable UUID rescoredFrom,
        @Nullable UUID rescoredBy,
        @Nullable String modelVersion,
        String policyVersion,
        List<String> formulaVersions,
        RunSettings settings,
        long durationMillis,
        int candidateCount,
        int excludedCount,
        @Nullable Map<String, Integer> counted,
        List<Proposal> proposals,
        List<RunCandidate> candidates,
        List<RunExclusion> excluded,
        List<CandidateDonor> donors) {

    /** A proposed match of the run. */
    public record Proposal(
            UUID matchId,
            int rank,
            UUID pledgeId,
            @Schema(implementation = MatchStatus.class) String status) {}

    static MatchRunView of(
            MatchRun run, List<Match> proposals, UUID rescoredBy, List<CandidateDonor> donors) {
        return new MatchRunView(
                run.id(),
                run.requestId(),
                run.organ().name(),
                run.createdAt(),
                run.createdBy(),
                run.trigger().name(),
                run.degraded(),
                run.degradedCause(),
                run.degraded() ? (rescoredBy == null ? "PENDING" : "DONE") : null,
                run.rescoredFrom(),
                rescoredBy,
                run.modelVersion(),
                run.policyVersion(),
                run.formulaVersions(),
                run.settings(),
                run.durationMillis(),
                run.candidateCount(),
                run.excludedCount(),
                run.counted(),
                proposals.stream()
                        .map(m -> new Proposal(m.id(), m.rank(), m.pledgeId(), m.status().name()))
                        .toList(),
                run.candidates(),
                run.excluded(),
                donors);
    }
}
