package org.ramsetu.platform.matching.matches;

import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;

/** What {@code GET /matches} narrows to; every field optional. */
public record MatchFilter(
        MatchStatus status,
        Organ organ,
        UUID requestId,
        UUID pledgeId,
        UUID runId,
        UUID patientId,
        UUID donorId) {

    /**
     * @throws DomainException InvalidInput naming a parameter that is not valid
     */
    public static MatchFilter of(
            String status, String organ, UUID requestId, UUID pledgeId, UUID runId) {
        return new MatchFilter(
                status == null ? null : Fields.requiredEnum("status", status, MatchStatus.class),
                organ == null ? null : Fields.requiredEnum("organ", organ, Organ.class),
                requestId,
                pledgeId,
                runId,
                null,
                null);
    }

    /** A patient sees only the matches proposed for their own requests. */
    MatchFilter ofPatient(UUID patient) {
        return new MatchFilter(status, organ, requestId, pledgeId, runId, patient, null);
    }

    /** A donor sees only the approved matches of their own pledges. */
    MatchFilter ofDonor(UUID donor) {
        return new MatchFilter(
                MatchStatus.APPROVED, organ, requestId, pledgeId, runId, null, donor);
    }
}
