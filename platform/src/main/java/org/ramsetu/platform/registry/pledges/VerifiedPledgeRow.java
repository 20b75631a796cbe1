package org.ramsetu.platform.registry.pledges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.identity.AccountId;

/** A verified pledge and its donor's profile as read, before ages are known (they need a day). */
record VerifiedPledgeRow(
        UUID pledgeId,
        long version,
        UUID donorId,
        Organ organ,
        Instant pledgedAt,
        DonorTests tests,
        BloodGroup bloodGroup,
        LocalDate bornOn,
        Sex sex,
        double heightCm,
        double weightKg,
        double latitude,
        double longitude,
        HlaTyping hla) {

    VerifiedPledge offerOn(LocalDate day) {
        DonorOffer offer =
                new DonorOffer(
                        pledgeId.toString(),
                        organ,
                        bloodGroup,
                        hla,
                        new Coordinates(latitude, longitude),
                        PledgeStatus.VERIFIED,
                        pledgedAt,
                        0, // a pledge has used no ischaemia time: the organ is not recovered
                        new BodySize(
                                Period.between(bornOn, day).getYears(), sex, heightCm, weightKg),
                        tests);
        return new VerifiedPledge(new PledgeId(pledgeId), version, new AccountId(donorId), offer);
    }

    /** The same pledge with its donor's age on {@code day}. */
    static VerifiedPledge agedOn(VerifiedPledge pledge, LocalDate bornOn, LocalDate day) {
        BodySize body = pledge.offer().body();
        return new VerifiedPledge(
                pledge.id(),
                pledge.version(),
                pledge.donor(),
                pledge.offer()
                        .withBody(
                                new BodySize(
                                        Period.between(bornOn, day).getYears(),
                                        body.sex(),
                                        body.heightCm(),
                                        body.weightKg())));
    }
}
