package org.ramsetu.core.hla;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.Require;

/** A serological HLA antigen at broad or split level, e.g. A2, B44, DR15. */
public record HlaAntigen(HlaLocus locus, int number) {
    private static final Pattern FORM = Pattern.compile("^(DR|A|B)\\*?0*(\\d{1,3})$");
    private static final HlaAntigen[][] CACHE = new HlaAntigen[HlaLocus.values().length][1000];

    public HlaAntigen {
        Require.present("hla.locus", locus);
        Require.inRange("hla." + locus.name() + ".antigen", number, 1, 999, "");
    }

    /** Accepts {@code A2}, {@code A02}, {@code A*02}, {@code dr15}. */
    public static HlaAntigen parse(String text) {
        String key = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        Matcher m = FORM.matcher(key);
        if (!m.matches()) {
            throw new InvalidClinicalValueException(
                    "hla",
                    "HLA antigen must look like A2, B44 or DR15 (locus A, B or DR, then the"
                            + " serological number) (was \""
                            + text
                            + "\")");
        }
        return of(HlaLocus.valueOf(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Canonical instance: a registry holds ~10⁵ typings, and sharing antigens keeps them small and
     * cache-friendly for match runs.
     */
    public static HlaAntigen of(HlaLocus locus, int number) {
        Require.present("hla.locus", locus);
        if (number < 1 || number > 999) {
            return new HlaAntigen(locus, number); // throws with the field and range
        }
        HlaAntigen[] cache = CACHE[locus.ordinal()];
        HlaAntigen a = cache[number];
        if (a == null) {
            a = new HlaAntigen(locus, number);
            cache[number] = a; // benign race: equal values
        }
        return a;
    }

    /** The broad antigen this is a split of, or itself when it is not a known split. */
    public HlaAntigen broad() {
        int broad = SplitFamilies.broadOf(locus, number);
        return broad == number ? this : of(locus, broad);
    }

    /**
     * Whether a recipient carrying {@code other} "has" this antigen for mismatch counting: same
     * antigen, or one is the broad of the other's split (typing resolution differs).
     */
    public boolean matches(HlaAntigen other) {
        if (locus != other.locus) {
            return false;
        }
        if (number == other.number) {
            return true;
        }
        int mine = SplitFamilies.broadOf(locus, number);
        int theirs = SplitFamilies.broadOf(locus, other.number);
        return (mine == other.number) || (theirs == number);
    }

    /**
     * Written out: a record's generated equality goes through method handles, which in the donor
     * loop of a match run (HLA mismatches for 10⁵ pairs) cost several per cent of the run's CPU.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof HlaAntigen h && h.number == number && h.locus == locus);
    }

    @Override
    public int hashCode() {
        return locus.ordinal() * 1000 + number;
    }

    @Override
    public String toString() {
        return locus.name() + number;
    }
}
