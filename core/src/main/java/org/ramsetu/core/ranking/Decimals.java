package org.ramsetu.core.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed-point rendering of a number, the same text as {@code String.format("%.Nf")}. */
final class Decimals {
    private static final long[] POWERS = {1, 10, 100, 1_000};

    /**
     * How close to a half the scaled number may come before the exact (BigDecimal) path decides.
     * Below {@link #FAST_LIMIT} the scaled double is within 1.2e-7 of the scaled decimal the
     * formatter rounds (its product's rounding plus the shortest form's distance from the double),
     * so a fraction farther than this from .5 rounds the same way on both.
     */
    private static final double TIE_MARGIN = 1e-6;

    private static final double FAST_LIMIT = 1e9;

    private Decimals() {}

    /**
     * Every ranked candidate's explanation has a handful of these (tens of thousands per run), and
     * BigDecimal's parse of the double's text was a sixth of a run's CPU: the common case is
     * rounded in long arithmetic instead.
     */
    private static boolean appendUnlessNearATie(StringBuilder b, double value, int decimals) {
        long power = POWERS[decimals];
        double scaled = Math.abs(value) * power;
        if (!(scaled < FAST_LIMIT)) {
            return false;
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) <= TIE_MARGIN) {
            return false;
        }
        long units = (long) floor + (fraction > 0.5 ? 1 : 0);
        if (value < 0 || 1 / value < 0) {
            b.append('-'); // as the formatter: a negative keeps its sign, even rounded to zero
        }
        b.append(units / power);
        if (decimals > 0) {
            b.append('.');
            String digits = Long.toString(units % power);
            for (int i = digits.length(); i < decimals; i++) {
                b.append('0');
            }
            b.append(digits);
        }
        return true;
    }

    /**
     * Like {@code %.Nf} in {@link java.util.Locale#ROOT}: the shortest decimal form of the double
     * ({@link BigDecimal#valueOf(double)}, as the formatter uses) rounded half up; NaN and the
     * infinities as the formatter writes them.
     */
    static StringBuilder append(StringBuilder b, double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return b.append(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
        if (decimals < POWERS.length && appendUnlessNearATie(b, value, decimals)) {
            return b;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        if (rounded.signum() == 0 && (value < 0 || 1 / value < 0)) {
            b.append('-'); // the formatter keeps the sign of a negative that rounds to zero
        }
        return b.append(rounded.toPlainString());
    }
}
