package org.ramsetu.platform.allocation.runs;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.allocation.AllocationDonor;

/**
 * The organ an allocation run offers: the clinical core's donor, where it comes from (a pledge, or
 * a donation case's recovered organ) and its version when read, and the kidney quality facts.
 *
 * @param pledgeId the pledge; null for a donation case's organ
 * @param pledgeVersion the pledge's version when read; null for a case's organ
 * @param donorAccountId the pledge's donor; null for a case's organ
 * @param caseId the donation case; null for a pledge
 * @param caseVersion the case's version when read; null for a pledge
 */
record OfferedOrgan(
        @Nullable UUID pledgeId,
        @Nullable Long pledgeVersion,
        @Nullable UUID donorAccountId,
        @Nullable UUID caseId,
        @Nullable Long caseVersion,
        AllocationDonor donor,
        DonorFacts facts) {

    /**
     * The id the run's rows name the donor by (the core's donor id): the pledge's or the case's.
     */
    String sourceId() {
        return pledgeId != null ? pledgeId.toString() : caseId.toString();
    }
}
