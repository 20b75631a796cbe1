package org.ramsetu.scoring.runtime;

import java.util.Locale;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.scoring.UnknownOrganException;

/** Organ names as the scoring API takes them: {@code kidney|liver|heart|cornea}, any case. */
public final class Organs {

    private Organs() {}

    public static Organ parse(String name) {
        if (name != null) {
            String key = name.strip().toUpperCase(Locale.ROOT);
            for (Organ organ : Organ.values()) {
                if (organ.name().equals(key)) {
                    return organ;
                }
            }
        }
        throw new UnknownOrganException(name);
    }

    public static String name(Organ organ) {
        return organ.name().toLowerCase(Locale.ROOT);
    }
}
