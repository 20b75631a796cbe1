package org.ramsetu.core.eligibility;

import org.ramsetu.core.donor.DonorOffer;

/** Pledge lifecycle filters: only a verified, unused pledge with consent in force is offered. */
final class PledgeChecks {
    private PledgeChecks() {}

    static void check(DonorOffer donor, ExclusionList out) {
        switch (donor.pledgeStatus()) {
            case VERIFIED -> {}
            case PENDING ->
                    out.add(
                            new Exclusion(
                                    ReasonCode.PLEDGE_NOT_VERIFIED,
                                    "pledge is pending verification"));
            case REJECTED ->
                    out.add(new Exclusion(ReasonCode.PLEDGE_NOT_VERIFIED, "pledge was rejected"));
            case DONATED ->
                    out.add(
                            new Exclusion(
                                    ReasonCode.PLEDGE_ALREADY_USED, "pledge already donated"));
            case WITHDRAWN ->
                    out.add(new Exclusion(ReasonCode.CONSENT_WITHDRAWN, "donor withdrew consent"));
        }
    }
}
