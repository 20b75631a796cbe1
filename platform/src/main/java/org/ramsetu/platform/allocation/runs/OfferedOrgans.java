package org.ramsetu.platform.allocation.runs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.allocation.AllocationDonor;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Kdri;
import org.ramsetu.core.scores.KdriResult;
import org.ramsetu.core.scores.KidneyDonorFactors;
import org.ramsetu.core.scores.PercentileResult;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A pledge with its donor's profile (as the registry offers it) as the organ to allocate. Kidneys
 * get their KDRI and KDPI (2024 refit, docs/domain.md) from the donor's age, height, weight,
 * hypertension, diabetes and measured creatinine. A pledge does not record the cause of death or
 * donation after circulatory death: both count as "no" and the run says so. Without a measured
 * creatinine KDPI is unknown, and the longevity group then puts nobody first.
 */
class OfferedOrgans {

    static final String ASSUMPTIONS =
            "cause of death CVA and DCD are not recorded on pledges and count as no";

    private final JdbcClient jdbc;
    private final PercentileTable kdpiTable;

    OfferedOrgans(JdbcClient jdbc, PercentileTable kdpiTable) {
        this.jdbc = jdbc;
        this.kdpiTable = kdpiTable;
    }

    /** Empty for an unknown pledge; a pledge whose donor has no profile is reported as such. */
    Optional<PledgedOrgan> find(UUID pledgeId) {
        return PledgedOrgan.find(jdbc, new PledgeId(pledgeId));
    }

    /** The pledge as the organ to allocate, with its KDRI and KDPI for a kidney. */
    OfferedOrgan offer(PledgedOrgan pledge, Instant asOf) {
        DonorOffer offer = pledge.offer(LocalDate.ofInstant(asOf, ZoneOffset.UTC));
        DonorFacts facts = facts(pledge, offer);
        return new OfferedOrgan(
                pledge.id().value(),
                pledge.version(),
                pledge.donor().value(),
                null,
                null,
                new AllocationDonor(offer, facts.kdpi()),
                facts);
    }

    private DonorFacts facts(PledgedOrgan pledge, DonorOffer offer) {
        String bloodGroup = offer.bloodGroup().toString();
        if (offer.organ() != Organ.KIDNEY) {
            return new DonorFacts(bloodGroup, null, null, null, null, null, null, null);
        }
        Double creatinine = ((KidneyTests) offer.tests()).creatinineMgDl();
        if (creatinine == null) {
            return kdpiUnknown(bloodGroup, "the pledge has no measured creatinine");
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
            return kdpiUnknown(bloodGroup, outsideKdriRange.getMessage());
        }
        PercentileResult kdpi = Kdri.kdpi(kdri, kdpiTable);
        return new DonorFacts(
                bloodGroup,
                kdri.kdriRao(),
                kdri.kdriMedian(),
                kdpi.percentile(),
                kdri.formulaVersion(),
                kdpi.tableVersion(),
                kdpi.provisional(),
                ASSUMPTIONS);
    }

    /** A kidney whose KDRI the formula cannot give; the run says why. */
    private static DonorFacts kdpiUnknown(String bloodGroup, String why) {
        return new DonorFacts(
                bloodGroup, null, null, null, Kdri.VERSION, null, null, "KDPI unknown: " + why);
    }
}
