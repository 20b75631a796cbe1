package org.ramsetu.core.blood;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.Require;

/** ABO group plus Rh factor, e.g. {@code O+}, {@code AB-}. */
public record BloodGroup(Abo abo, Rh rh) {
    private static final Pattern FORM =
            Pattern.compile("^(AB|A|B|O)\\s*(\\+|-|\\+VE|-VE|POS|NEG|POSITIVE|NEGATIVE)$");

    private static final BloodGroup[][] ALL =
            new BloodGroup[Abo.values().length][Rh.values().length];

    static {
        for (Abo abo : Abo.values()) {
            for (Rh rh : Rh.values()) {
                ALL[abo.ordinal()][rh.ordinal()] = new BloodGroup(abo, rh);
            }
        }
    }

    public BloodGroup {
        Require.present("bloodGroup.abo", abo);
        Require.present("bloodGroup.rh", rh);
    }

    /**
     * Accepts {@code O+}, {@code AB-}, {@code A NEG}, {@code b pos}, {@code O positive}, {@code
     * B+ve}.
     */
    public static BloodGroup parse(String text) {
        String normalised =
                text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = FORM.matcher(normalised);
        if (!m.matches()) {
            throw new InvalidClinicalValueException(
                    "bloodGroup",
                    "bloodGroup must be an ABO group (O, A, B, AB) followed by an Rh sign"
                            + " (+, -, POS, NEG), e.g. \"O+\" or \"AB NEG\" (was \""
                            + text
                            + "\")");
        }
        Rh rh =
                m.group(2).startsWith("+") || m.group(2).startsWith("POS")
                        ? Rh.POSITIVE
                        : Rh.NEGATIVE;
        return of(Abo.valueOf(m.group(1)), rh);
    }

    /** One shared instance per group (eight in all). */
    public static BloodGroup of(Abo abo, Rh rh) {
        return ALL[Require.present("bloodGroup.abo", abo).ordinal()][
                Require.present("bloodGroup.rh", rh).ordinal()];
    }

    @Override
    public String toString() {
        return abo.name() + (rh == Rh.POSITIVE ? "+" : "-");
    }
}
