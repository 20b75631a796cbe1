package org.ramsetu.platform.donation;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.organ.Organ;

/**
 * A deceased donor's case, from the coordinator opening it to the organs recovered.
 *
 * @param pledgeId the pledge recording the donor's consent; null on the family's consent
 * @param donorId the account of that pledge's donor; null on the family's consent
 * @param organsRecovered null until the recovery is recorded
 * @param crossClampAt null until the recovery is recorded
 * @param assessments the recovered organs' assessments recorded with the recovery (possibly none)
 */
public record DonationCase(
        DonationCaseId id,
        CaseStatus status,
        ConsentBasis consent,
        @Nullable UUID pledgeId,
        @Nullable UUID donorId,
        DonorRecord record,
        @Nullable Set<Organ> organsRecovered,
        @Nullable Instant crossClampAt,
        Map<Organ, DonorTests> assessments,
        UUID openedBy,
        Instant openedAt,
        UUID updatedBy,
        Instant updatedAt,
        long version) {

    public DonationCase {
        assessments = Map.copyOf(assessments);
    }

    DonationCase withRecord(DonorRecord amended, UUID by, Instant at) {
        return new DonationCase(
                id,
                status,
                consent,
                pledgeId,
                donorId,
                amended,
                organsRecovered,
                crossClampAt,
                assessments,
                openedBy,
                openedAt,
                by,
                at,
                version + 1);
    }

    DonationCase recovered(
            Set<Organ> organs,
            Instant clampedAt,
            Map<Organ, DonorTests> assessed,
            UUID by,
            Instant at) {
        return new DonationCase(
                id,
                CaseStatus.RECOVERED,
                consent,
                pledgeId,
                donorId,
                record,
                Set.copyOf(organs),
                clampedAt,
                assessed,
                openedBy,
                openedAt,
                by,
                at,
                version + 1);
    }
}
