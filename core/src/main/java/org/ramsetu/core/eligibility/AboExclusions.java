package org.ramsetu.core.eligibility;

import java.util.Locale;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.organ.Organ;

/** ABO exclusions are frequent (most of a pool for an O patient): built once per combination. */
final class AboExclusions {
    private static final Exclusion[][][] CACHE =
            new Exclusion[Organ.values().length][Abo.values().length][Abo.values().length];

    static {
        for (Organ organ : Organ.values()) {
            for (Abo d : Abo.values()) {
                for (Abo r : Abo.values()) {
                    CACHE[organ.ordinal()][d.ordinal()][r.ordinal()] =
                            new Exclusion(
                                    ReasonCode.ABO_INCOMPATIBLE,
                                    "donor "
                                            + d
                                            + " to recipient "
                                            + r
                                            + " not allowed for "
                                            + organ.name().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private AboExclusions() {}

    static Exclusion of(Organ organ, Abo donor, Abo recipient) {
        return CACHE[organ.ordinal()][donor.ordinal()][recipient.ordinal()];
    }
}
