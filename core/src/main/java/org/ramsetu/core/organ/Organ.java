package org.ramsetu.core.organ;

import java.util.Locale;
import org.ramsetu.core.InvalidClinicalValueException;

/** The organs and tissue RamSetu allocates. */
public enum Organ {
    KIDNEY,
    LIVER,
    HEART,
    CORNEA;

    /** Case-insensitive, surrounding blanks ignored. */
    public static Organ parse(String text) {
        if (text != null) {
            String key = text.trim().toUpperCase(Locale.ROOT);
            for (Organ organ : values()) {
                if (organ.name().equals(key)) {
                    return organ;
                }
            }
        }
        throw new InvalidClinicalValueException(
                "organ", "organ must be one of kidney, liver, heart, cornea (was " + text + ")");
    }
}
