package org.ramsetu.platform.matching.runs;

import java.util.ArrayList;
import java.util.List;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.blood.AboCompatibility;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.blood.Rh;
import org.ramsetu.core.organ.Organ;

/**
 * The donor blood groups (as stored, with Rh) the candidate query asks for: every ABO group the
 * organ's policy could allow for the recipient. Kidney's O→O and B→B restriction depends on HLA, so
 * the query asks as if the pair had zero mismatches and the clinical core excludes the rest with
 * {@code ABO_INCOMPATIBLE}. Rh is never a criterion.
 */
final class DonorGroups {

    private DonorGroups() {}

    static List<String> allowed(Organ organ, Abo recipient) {
        List<String> groups = new ArrayList<>();
        for (Abo donor : Abo.values()) {
            if (AboCompatibility.assess(organ, donor, recipient, true).eligible()) {
                for (Rh rh : Rh.values()) {
                    groups.add(BloodGroup.of(donor, rh).toString());
                }
            }
        }
        return groups;
    }
}
