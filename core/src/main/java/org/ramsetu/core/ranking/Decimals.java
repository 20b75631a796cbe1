package org.ramsetu.core.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed-point rendering of a number, the same text as {@code String.format("%.Nf")}. */
final class Decimals {
    private Decimals() {}

    /**
     * Like {@code %.Nf} in {@link java.util.Locale#ROOT}: the shortest decimal form of the double
     * ({@link BigDecimal#valueOf(double)}, as the formatter uses) rounded half up; NaN and the
     * infinities as the formatter writes them.
     */
    static StringBuilder append(StringBuilder b, double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return b.append(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        if (rounded.signum() == 0 && (value < 0 || 1 / value < 0)) {
            b.append('-'); // the formatter keeps the sign of a negative that rounds to zero
        }
        return b.append(rounded.toPlainString());
    }
}
