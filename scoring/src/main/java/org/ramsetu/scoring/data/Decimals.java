package org.ramsetu.scoring.data;

/**
 * Appends a non-negative or negative number with a fixed count of decimals without going through
 * {@code String.format} (which is the bottleneck when writing millions of rows).
 */
public final class Decimals {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {}

    public static StringBuilder append(StringBuilder out, double value, int decimals) {
        long scaled = Math.round(value * POWERS[decimals]);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / POWERS[decimals]);
        if (decimals > 0) {
            out.append('.');
            long fraction = scaled % POWERS[decimals];
            for (long p = POWERS[decimals - 1]; p > 1 && fraction < p; p /= 10) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }
}
