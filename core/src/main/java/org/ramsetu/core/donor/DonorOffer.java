package org.ramsetu.core.donor;

import java.time.Instant;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.Require;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.BodySize;

/**
 * One pledged organ that may be offered.
 *
 * @param hla {@code null} when not typed (required for kidneys and for virtual crossmatch)
 * @param body {@code null} when not recorded (required for hearts and corneas)
 * @param elapsedIschaemiaHours cold ischaemia or storage time already used (0 before recovery)
 */
public record DonorOffer(
        String donorId,
        Organ organ,
        BloodGroup bloodGroup,
        HlaTyping hla,
        Coordinates hospital,
        PledgeStatus pledgeStatus,
        Instant registeredAt,
        double elapsedIschaemiaHours,
        BodySize body,
        DonorTests tests) {

    public DonorOffer {
        Require.nonBlank("donorId", donorId);
        Require.present("organ", organ);
        Require.present("bloodGroup", bloodGroup);
        Require.present("hospital", hospital);
        Require.present("pledgeStatus", pledgeStatus);
        Require.plausibleInstant("registeredAt", registeredAt);
        Require.inRange("elapsedIschaemiaHours", elapsedIschaemiaHours, 0, 28 * 24, "h");
        Require.present("tests", tests);
        if (tests.organ() != organ) {
            throw new InvalidClinicalValueException(
                    "tests", "tests are for " + tests.organ() + " but the offer is a " + organ);
        }
    }

    /** The same offer with another body size (a donor's age changes with the day). */
    public DonorOffer withBody(BodySize newBody) {
        return new DonorOffer(
                donorId,
                organ,
                bloodGroup,
                hla,
                hospital,
                pledgeStatus,
                registeredAt,
                elapsedIschaemiaHours,
                newBody,
                tests);
    }
}
