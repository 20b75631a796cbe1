package org.ramsetu.platform.registry.pledges;

import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.platform.identity.AccountId;
import org.springframework.modulith.NamedInterface;

/**
 * A verified pledge as a match run ranks it: the clinical core's offer (whose donor id is the
 * pledge id, so a candidate is a pledge), with the pledge's version and its donor's account.
 */
@NamedInterface("pledges")
public record VerifiedPledge(PledgeId id, long version, AccountId donor, DonorOffer offer) {}
