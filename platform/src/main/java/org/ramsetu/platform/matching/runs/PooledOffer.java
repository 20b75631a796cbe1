package org.ramsetu.platform.matching.runs;

import java.util.UUID;
import org.ramsetu.core.donor.DonorOffer;

/**
 * A verified pledge as the candidate query found it: the clinical core's offer (its donor id is the
 * pledge id, so a candidate is a pledge), with the pledge's version and the donor's account.
 */
record PooledOffer(UUID pledgeId, long pledgeVersion, UUID donorAccountId, DonorOffer offer) {}
