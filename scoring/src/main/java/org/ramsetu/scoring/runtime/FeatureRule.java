package org.ramsetu.scoring.runtime;

import org.ramsetu.core.features.FeatureSchema;

/**
 * The values a feature may take (docs/domain.md): test scores in [0, 1], distance in km from 0 to
 * half the Earth's circumference, urgency a whole number 1–5. A value outside is refused rather
 * than scored, because trees extrapolate flat and would score nonsense with confidence.
 */
public record FeatureRule(String name, double min, double max, boolean whole) {

    /** Half the Earth's circumference: no two points on Earth are further apart. */
    public static final double MAX_DISTANCE_KM = 20_038;

    public static FeatureRule of(String name) {
        return switch (name) {
            case FeatureSchema.DISTANCE_KM -> new FeatureRule(name, 0, MAX_DISTANCE_KM, false);
            case FeatureSchema.URGENCY_LEVEL -> new FeatureRule(name, 1, 5, true);
            default -> new FeatureRule(name, 0, 1, false);
        };
    }

    /** Why {@code value} is not acceptable, or null when it is. */
    public String problemWith(double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number";
        }
        if (value < min || value > max) {
            return "must be between "
                    + format(min)
                    + " and "
                    + format(max)
                    + " (was "
                    + value
                    + ")";
        }
        if (whole && value != Math.rint(value)) {
            return "must be a whole number (was " + value + ")";
        }
        return null;
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
