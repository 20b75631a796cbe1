package org.ramsetu.core.hla;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A patient's unacceptable antigens (from antibody screening). A donor carrying any of them is
 * excluded before offer: the virtual crossmatch.
 *
 * <p>Conservative across typing resolutions: a listed broad excludes its splits, and a listed split
 * also excludes donors typed only at its broad level (they may carry it). The resulting antigen
 * numbers are expanded once, so each donor check is a table lookup (match runs test 10⁵ donors).
 */
public final class UnacceptableAntigens {
    private static final HlaLocus[] LOCI = HlaLocus.values(); // values() clones on every call
    public static final UnacceptableAntigens NONE = new UnacceptableAntigens(Set.of());

    private final Set<HlaAntigen> antigens;
    // Per locus, a 1000-bit set of excluded antigen numbers (16 longs: small enough to keep one per
    // waiting-list patient).
    private final long[][] excluded = new long[LOCI.length][];

    public UnacceptableAntigens(Set<HlaAntigen> antigens) {
        this.antigens = antigens == null ? Set.of() : Set.copyOf(antigens);
        for (HlaAntigen listed : this.antigens) {
            int locus = listed.locus().ordinal();
            if (excluded[locus] == null) {
                excluded[locus] = new long[16];
            }
            set(excluded[locus], listed.number());
            set(excluded[locus], SplitFamilies.broadOf(listed.locus(), listed.number()));
            for (int split : SplitFamilies.splitsOf(listed.locus(), listed.number())) {
                set(excluded[locus], split);
            }
        }
    }

    public static UnacceptableAntigens of(String... antigens) {
        List<HlaAntigen> parsed = new ArrayList<>();
        for (String a : antigens) {
            parsed.add(HlaAntigen.parse(a));
        }
        return new UnacceptableAntigens(Set.copyOf(parsed));
    }

    public Set<HlaAntigen> antigens() {
        return antigens;
    }

    public boolean isEmpty() {
        return antigens.isEmpty();
    }

    /** Donor antigens that hit the list; empty when the virtual crossmatch is negative. */
    public List<HlaAntigen> conflicts(HlaTyping donor) {
        if (antigens.isEmpty()) {
            return List.of();
        }
        List<HlaAntigen> hits = List.of();
        for (HlaLocus locus : LOCI) {
            long[] table = excluded[locus.ordinal()];
            if (table == null) {
                continue;
            }
            for (HlaAntigen d : donor.at(locus)) {
                if (isSet(table, d.number()) && !hits.contains(d)) {
                    if (hits.isEmpty()) {
                        hits = new ArrayList<>(2);
                    }
                    hits.add(d);
                }
            }
        }
        return hits;
    }

    private static void set(long[] bits, int n) {
        bits[n >>> 6] |= 1L << n;
    }

    private static boolean isSet(long[] bits, int n) {
        return (bits[n >>> 6] & (1L << n)) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnacceptableAntigens u && u.antigens.equals(antigens);
    }

    @Override
    public int hashCode() {
        return antigens.hashCode();
    }

    @Override
    public String toString() {
        return "UnacceptableAntigens" + antigens;
    }
}
