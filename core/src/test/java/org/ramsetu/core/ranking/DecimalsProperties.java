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
