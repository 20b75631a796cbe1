package org.ramsetu.platform.matching.matches;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;

/**
 * A donor proposed for a transplant request by a match run.
 *
 * @param rank the candidate's place in the run
 * @param mlScore null when the run was degraded
 * @param pledgeVersion the pledge version the run ranked
 * @param requestVersion the request version the run ranked
 * @param supersededByRun the newer run whose proposals replaced this one
 */
public record Match(
        UUID id,
        UUID runId,
        UUID requestId,
        UUID pledgeId,
        UUID patientId,
        UUID donorId,
        Organ organ,
        int rank,
        double score,
        Double mlScore,
        double distanceKm,
        long pledgeVersion,
        long requestVersion,
        MatchStatus status,
        DeclineReason declineReason,
        String declineNote,
        Instant createdAt,
        Instant decidedAt,
        UUID decidedBy,
        UUID supersededByRun,
        long version) {

    /** Whether the caller's account may know this match exists (coordinators, its patient…). */
    public boolean visibleTo(UUID accountId, boolean coordinator) {
        return coordinator
                || patientId.equals(accountId)
                || (donorId.equals(accountId) && status == MatchStatus.APPROVED);
    }
}
