package org.ramsetu.core;

import java.time.Instant;
import java.util.Locale;

/** Constructor guards whose messages name the field and the allowed range. */
public final class Require {
    private Require() {}

    public static double inRange(String field, double value, double min, double max, String unit) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new InvalidClinicalValueException(
                    field,
                    String.format(
                            Locale.ROOT,
                            "%s must be between %s and %s%s (was %s)",
                            field,
                            num(min),
                            num(max),
                            unit.isEmpty() ? "" : " " + unit,
                            num(value)));
        }
        return value;
    }

    public static int inRange(String field, int value, int min, int max, String unit) {
        inRange(field, (double) value, min, max, unit);
        return value;
    }

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /**
     * Timestamps on records are real dates (1900–2200), which also keeps them nanosecond-sortable.
     */
    public static Instant plausibleInstant(String field, Instant value) {
        present(field, value);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidClinicalValueException(
                    field,
                    field + " must be between 1900-01-01 and 2200-01-01 (was " + value + ")");
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidClinicalValueException(field, field + " is required");
        }
        return value;
    }

    public static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidClinicalValueException(field, field + " must not be blank");
        }
        return value;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }
}
