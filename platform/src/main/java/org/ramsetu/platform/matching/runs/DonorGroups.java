package org.ramsetu.platform.matching.runs;

import java.util.EnumSet;
import java.util.Set;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.blood.AboCompatibility;
import org.ramsetu.core.organ.Organ;

/**
 * The donor ABO groups a match run asks the verified pledges for: every group the organ's policy
 * could allow for the recipient. Kidney's O→O and B→B restriction depends on HLA, so the run asks
 * as if the pair had zero mismatches and the clinical core excludes the rest with {@code
 * ABO_INCOMPATIBLE}. Rh is never a criterion.
 */
final class DonorGroups {

    private DonorGroups() {}

    static Set<Abo> allowed(Organ organ, Abo recipient) {
        Set<Abo> groups = EnumSet.noneOf(Abo.class);
        for (Abo donor : Abo.values()) {
            if (AboCompatibility.assess(organ, donor, recipient, true).eligible()) {
                groups.add(donor);
            }
        }
        return groups;
    }
}
