package org.ramsetu.scoring.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void padsTheFractionAndRoundsHalfUp() {
        assertThat(text(0.005, 3)).isEqualTo("0.005");
        assertThat(text(1.0, 2)).isEqualTo("1.00");
        assertThat(text(241.435, 2)).isEqualTo("241.44");
        assertThat(text(0.0999996, 6)).isEqualTo("0.100000");
        assertThat(text(-4.7e-5, 6)).isEqualTo("-0.000047");
        assertThat(text(12.0, 0)).isEqualTo("12");
    }

    private static String text(double v, int decimals) {
        return Decimals.append(new StringBuilder(), v, decimals).toString();
    }
}
