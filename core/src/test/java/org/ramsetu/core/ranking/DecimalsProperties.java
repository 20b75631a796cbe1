package org.ramsetu.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Explanation lines must read exactly as they did with {@code String.format}. */
class DecimalsProperties {

    @Property(tries = 5_000)
    void sameTextAsTheFormatter(
            @ForAll @DoubleRange(min = -5_000, max = 5_000) double value,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        assertThat(fixed(value, decimals))
                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    @Property(tries = 2_000)
    void sameTextForScoresAndWeights(@ForAll @DoubleRange(min = 0, max = 1) double value) {
        assertThat(fixed(value, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
        assertThat(fixed(value, 3)).isEqualTo(String.format(Locale.ROOT, "%.3f", value));
    }

    @Property(tries = 5_000)
    void sameTextForDistancesAndPointsWithinTheFastRange(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        assertThat(fixed(value, decimals))
                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    @Property(tries = 3_000)
    void sameTextNextToATie(
            @ForAll @IntRange(min = -2_000_000, max = 2_000_000) int halves,
            @ForAll @IntRange(min = -3, max = 3) int ulps,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        // (2k + 1) / 2 × 10^-d, nudged by a few ulps: the cases the fast path must hand over
        double tie = (2.0 * halves + 1) / 2 / Math.pow(10, decimals);
        double value = tie;
        for (int i = 0; i < Math.abs(ulps); i++) {
            value = ulps > 0 ? Math.nextUp(value) : Math.nextDown(value);
        }
        assertThat(fixed(value, decimals))
                .as("%s with %d decimals", value, decimals)
                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    @Example
    void halfwayCasesAndSpecialValues() {
        for (double v :
                new double[] {
                    0.0005,
                    1.0005,
                    0.125,
                    2.5,
                    0.005,
                    1.005,
                    -0.0001,
                    -0.0,
                    0.0,
                    399.5,
                    1e-9,
                    -2.5,
                    -0.4,
                    999_999_999.5,
                    1e9,
                    4.2e12,
                    0.0195,
                    1.9999999,
                    Double.NaN,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY
                }) {
            for (int d = 0; d <= 3; d++) {
                assertThat(fixed(v, d))
                        .as("%s with %d decimals", v, d)
                        .isEqualTo(String.format(Locale.ROOT, "%." + d + "f", v));
            }
        }
    }

    private static String fixed(double value, int decimals) {
        return Decimals.append(new StringBuilder(), value, decimals).toString();
    }
}
