package org.ramsetu.core.allocation;

import org.ramsetu.core.Require;
import org.ramsetu.core.donor.DonorOffer;

/**
 * The organ to allocate.
 *
 * @param kdpiPercentile the kidney's KDPI (0–100); null when not a kidney or not computable (then
 *     the longevity group orders nobody first)
 */
public record AllocationDonor(DonorOffer offer, Integer kdpiPercentile) {
    public AllocationDonor {
        Require.present("offer", offer);
        if (kdpiPercentile != null) {
            Require.inRange("kdpiPercentile", kdpiPercentile, 0, 100, "%");
        }
    }
}
