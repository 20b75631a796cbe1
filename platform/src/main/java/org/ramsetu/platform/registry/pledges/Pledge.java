package org.ramsetu.platform.registry.pledges;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.registry.common.ListingRecord;
import org.springframework.modulith.NamedInterface;

/**
 * A donor's pledge of one organ, with the test results reported for it.
 *
 * @param consentGivenAt when the donor gave the explicit consent the pledge records
 * @param rejectionReason the coordinator's reason; only for {@code REJECTED}
 * @param statusChangedBy the account that made the last change (the donor on creation)
 */
@NamedInterface("pledges")
public record Pledge(
        UUID id,
        UUID donorId,
        Organ organ,
        PledgeStatus status,
        DonorTests tests,
        Instant consentGivenAt,
        String rejectionReason,
        Instant createdAt,
        Instant statusChangedAt,
        UUID statusChangedBy,
        long version)
        implements ListingRecord<PledgeStatus> {

    @Override
    public String statusReason() {
        return rejectionReason;
    }

    /** The pledge after a permitted transition, one version on. */
    Pledge movedTo(PledgeStatus next, String reason, UUID by, Instant at) {
        return new Pledge(
                id,
                donorId,
                organ,
                next,
                tests,
                consentGivenAt,
                next == PledgeStatus.REJECTED ? reason : null,
                createdAt,
                at,
                by,
                version + 1);
    }
}
