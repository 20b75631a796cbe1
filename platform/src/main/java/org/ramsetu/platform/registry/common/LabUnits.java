package org.ramsetu.platform.registry.common;

import java.util.Locale;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.springframework.modulith.NamedInterface;

/**
 * Converts laboratory values to the units the clinical formulas use (US conventional units, as in
 * OPTN policy). The range check comes afterwards, from the clinical core, on the converted value.
 */
@NamedInterface("vocabulary")
public final class LabUnits {

    public static final String MG_DL = "mg/dL";
    public static final String UMOL_L = "µmol/L";
    public static final String G_DL = "g/dL";
    public static final String G_L = "g/L";

    private LabUnits() {}

    /** Creatinine in mg/dL, from mg/dL or µmol/L (÷ 88.4); null when not given. */
    public static Double creatinineMgDl(String field, Measurement m) {
        if (m == null) {
            return null;
        }
        double value = value(field, m);
        return switch (unit(field, m, MG_DL, UMOL_L)) {
            case MG_DL -> value;
            default -> LiverLabs.creatinineFromMicromolPerL(value);
        };
    }

    /** Bilirubin in mg/dL, from mg/dL or µmol/L (÷ 17.1); null when not given. */
    public static Double bilirubinMgDl(String field, Measurement m) {
        if (m == null) {
            return null;
        }
        double value = value(field, m);
        return switch (unit(field, m, MG_DL, UMOL_L)) {
            case MG_DL -> value;
            default -> LiverLabs.bilirubinFromMicromolPerL(value);
        };
    }

    /** Albumin in g/dL, from g/dL or g/L (÷ 10); null when not given. */
    public static Double albuminGDl(String field, Measurement m) {
        if (m == null) {
            return null;
        }
        double value = value(field, m);
        return switch (unit(field, m, G_DL, G_L)) {
            case G_DL -> value;
            default -> LiverLabs.albuminFromGramsPerL(value);
        };
    }

    private static double value(String field, Measurement m) {
        if (m.value() == null) {
            throw InvalidInput.field(field + ".value", "is required");
        }
        return m.value();
    }

    /** The canonical spelling of the given unit, if it is one of the accepted ones. */
    private static String unit(String field, Measurement m, String canonical, String alternative) {
        String given = m.unit() == null ? "" : normalised(m.unit());
        if (given.equals(normalised(canonical))) {
            return canonical;
        }
        if (given.equals(normalised(alternative))) {
            return alternative;
        }
        throw InvalidInput.field(
                field + ".unit",
                "must be "
                        + canonical
                        + " or "
                        + alternative
                        + (m.unit() == null
                                ? ""
                                : " (was '" + Fields.abbreviated(m.unit()) + "')"));
    }

    // µmol/L is also typed as umol/L, micromol/L or with the Greek mu (U+03BC).
    private static String normalised(String unit) {
        return unit.strip()
                .toLowerCase(Locale.ROOT)
                .replace('\u03bc', 'µ')
                .replace("micromol", "µmol")
                .replace("umol", "µmol")
                .replace(" ", "");
    }
}
