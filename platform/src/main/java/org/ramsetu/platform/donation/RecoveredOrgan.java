package org.ramsetu.platform.donation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.organ.Organ;

/**
 * One organ of a donation case, as allocation reads it: the donor record, where the case stands,
 * and whether this organ was recovered (only a recovered organ is allocated).
 *
 * @param caseVersion the case's version when read: a run refuses to record if it changed
 * @param crossClampAt where cold ischaemia starts; null until the recovery is recorded
 * @param assessment the organ's assessment recorded with the recovery; null when none was
 */
public record RecoveredOrgan(
        DonationCaseId caseId,
        long caseVersion,
        CaseStatus status,
        Organ organ,
        boolean recovered,
        DonorRecord record,
        @Nullable Instant crossClampAt,
        @Nullable DonorTests assessment,
        Instant openedAt) {

    /** Whether allocation may rank the waiting list for it now. */
    public boolean allocatable() {
        return status == CaseStatus.RECOVERED && recovered;
    }
}
