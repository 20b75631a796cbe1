package org.ramsetu.platform.allocation.runs;

import java.util.UUID;
import org.ramsetu.core.allocation.AllocationDonor;
import org.ramsetu.core.donor.PledgeStatus;

/**
 * The pledge an allocation run offers: the clinical core's donor (its donor id is the pledge id),
 * its status and version now, the donor's account and the kidney quality facts.
 */
record OfferedOrgan(
        UUID pledgeId,
        long pledgeVersion,
        PledgeStatus status,
        UUID donorAccountId,
        AllocationDonor donor,
        DonorFacts facts) {}
