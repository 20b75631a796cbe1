package org.ramsetu.platform.allocation.runs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.allocation.AllocationDonor;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Kdri;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.pledges.PledgeKdpi;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A pledge with its donor's profile (as the registry offers it) as the organ to allocate. Kidneys
 * get their KDRI and KDPI as a pledge knows them ({@link PledgeKdpi}), and the run says what was
 * assumed. Without a measured creatinine KDPI is unknown, and the longevity group then puts nobody
 * first.
 */
class OfferedOrgans {

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
        PledgeKdpi risk = PledgeKdpi.of(pledge, offer, kdpiTable);
        if (risk.kdri() == null) {
            return new DonorFacts(
                    bloodGroup, null, null, null, Kdri.VERSION, null, null, risk.note());
        }
        return new DonorFacts(
                bloodGroup,
                risk.kdri().kdriRao(),
                risk.kdri().kdriMedian(),
                risk.kdpi().percentile(),
                risk.kdri().formulaVersion(),
                risk.kdpi().tableVersion(),
                risk.kdpi().provisional(),
                risk.note());
    }
}
