package org.ramsetu.core.hla;

import java.util.List;

/** Mismatch counting and Eurotransplant-style HLA points. */
public final class HlaMatching {
    /** Eurotransplant ETKAS HLA points, 400 − 66.67 × mismatches (docs/domain.md). */
    public static final String POINTS_VERSION = "HLA-points/ETKAS-400";

    private HlaMatching() {}

    public static HlaMismatch mismatches(HlaTyping donor, HlaTyping recipient) {
        return HlaMismatch.of(
                locus(donor.a(), recipient.a()),
                locus(donor.b(), recipient.b()),
                locus(donor.dr(), recipient.dr()));
    }

    /**
     * Eurotransplant kidney allocation (ETKAS) mismatch points: 400 at 0 mismatches, minus 66.67
     * per mismatched A/B/DR antigen (Eurotransplant Manual ch. 4, as summarised in docs/domain.md).
     */
    public static double points(HlaMismatch mismatch) {
        return Math.max(0.0, 400.0 - 66.67 * mismatch.total());
    }

    public static HlaPoints score(HlaMismatch mismatch) {
        return new HlaPoints(mismatch, points(mismatch), POINTS_VERSION);
    }

    // A homozygous donor locus (one antigen, or the same twice) counts at most one mismatch.
    private static int locus(List<HlaAntigen> donor, List<HlaAntigen> recipient) {
        HlaAntigen first = donor.get(0);
        int count = carried(first, recipient) ? 0 : 1;
        if (donor.size() == 2 && !donor.get(1).equals(first)) {
            count += carried(donor.get(1), recipient) ? 0 : 1;
        }
        return count;
    }

    private static boolean carried(HlaAntigen antigen, List<HlaAntigen> recipient) {
        for (HlaAntigen r : recipient) {
            if (antigen.matches(r)) {
                return true;
            }
        }
        return false;
    }
}
