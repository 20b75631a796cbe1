package org.ramsetu.platform.registry.pledges;

import org.jspecify.annotations.Nullable;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Kdri;
import org.ramsetu.core.scores.KdriResult;
import org.ramsetu.core.scores.KidneyDonorFactors;
import org.ramsetu.core.scores.PercentileResult;
import org.ramsetu.core.scores.PercentileTable;
import org.springframework.modulith.NamedInterface;

/**
 * A pledged kidney's KDRI and KDPI (2024 refit) from the donor's age, height, weight, hypertension,
 * diabetes and measured creatinine. A pledge does not record the cause of death or donation after
 * circulatory death: both count as "no" ({@link #ASSUMPTIONS}). Without a measured creatinine, or
 * with values outside the formula's range, KDPI is unknown and {@code note} says why.
 *
 * @param kdri null when unknown
 * @param kdpi null when unknown
 * @param note the assumptions, or why KDPI is unknown
 */
@NamedInterface("pledges")
public record PledgeKdpi(@Nullable KdriResult kdri, @Nullable PercentileResult kdpi, String note) {

    public static final String ASSUMPTIONS =
            "cause of death CVA and DCD are not recorded on pledges and count as no";

    /**
     * @param offer the pledge's offer ({@link PledgedOrgan#offer}), a kidney's
     * @throws IllegalArgumentException for another organ
     */
    public static PledgeKdpi of(PledgedOrgan pledge, DonorOffer offer, PercentileTable table) {
        if (offer.organ() != Organ.KIDNEY) {
            throw new IllegalArgumentException("KDPI is a kidney's, not a " + offer.organ());
        }
        Double creatinine = ((KidneyTests) offer.tests()).creatinineMgDl();
        if (creatinine == null) {
            return unknown("the pledge has no measured creatinine");
        }
        KdriResult kdri;
        try {
            kdri =
                    Kdri.compute(
                            new KidneyDonorFactors(
                                    offer.body().ageYears(),
                                    offer.body().heightCm(),
                                    offer.body().weightKg(),
                                    pledge.hypertension(),
                                    pledge.diabetes(),
                                    false,
                                    creatinine,
                                    false));
        } catch (InvalidClinicalValueException outsideKdriRange) {
            return unknown(outsideKdriRange.getMessage());
        }
        return new PledgeKdpi(kdri, Kdri.kdpi(kdri, table), ASSUMPTIONS);
    }

    private static PledgeKdpi unknown(String why) {
        return new PledgeKdpi(null, null, "KDPI unknown: " + why);
    }
}
