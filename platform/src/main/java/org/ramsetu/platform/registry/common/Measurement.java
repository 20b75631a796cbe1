package org.ramsetu.platform.registry.common;

import org.springframework.modulith.NamedInterface;

/**
 * A laboratory value with its unit, for values that laboratories report in more than one unit
 * (creatinine and bilirubin in mg/dL or µmol/L, albumin in g/dL or g/L). Asking for the unit keeps
 * a value in the wrong unit from passing as a plausible one; responses always carry the canonical
 * unit.
 */
@NamedInterface("vocabulary")
public record Measurement(Double value, String unit) {

    public static Measurement of(double value, String unit) {
        return new Measurement(value, unit);
    }

    /** Null for a null value, so optional results stay absent. */
    public static Measurement ofNullable(Double value, String unit) {
        return value == null ? null : new Measurement(value, unit);
    }
}
