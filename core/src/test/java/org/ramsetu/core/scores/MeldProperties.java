package org.ramsetu.core.scores;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** MELD-Na and MELD 3.0 never decrease when bilirubin, INR or creatinine rise. */
class MeldProperties {

    @Property(tries = 300)
    void meldNaNonDecreasing(
            @ForAll @DoubleRange(min = 0.1, max = 40) double bili,
            @ForAll @DoubleRange(min = 0.5, max = 10) double inr,
            @ForAll @DoubleRange(min = 0.1, max = 10) double cr,
            @ForAll @DoubleRange(min = 110, max = 160) double na,
            @ForAll @DoubleRange(min = 0, max = 5) double delta) {
        int base = Meld.meldNa(labs(bili, inr, cr, na)).score();
        assertThat(Meld.meldNa(labs(bili + delta, inr, cr, na)).score())
                .isGreaterThanOrEqualTo(base);
        assertThat(Meld.meldNa(labs(bili, Math.min(20, inr + delta), cr, na)).score())
                .isGreaterThanOrEqualTo(base);
        assertThat(Meld.meldNa(labs(bili, inr, cr + delta, na)).score())
                .isGreaterThanOrEqualTo(base);
    }

    @Property(tries = 300)
    void meld30NonDecreasing(
            @ForAll @DoubleRange(min = 0.1, max = 40) double bili,
            @ForAll @DoubleRange(min = 0.5, max = 10) double inr,
            @ForAll @DoubleRange(min = 0.1, max = 10) double cr,
            @ForAll @DoubleRange(min = 110, max = 160) double na,
            @ForAll @DoubleRange(min = 0, max = 5) double delta) {
        int base = Meld.meld30(labs(bili, inr, cr, na)).score();
        assertThat(Meld.meld30(labs(bili + delta, inr, cr, na)).score())
                .isGreaterThanOrEqualTo(base);
        assertThat(Meld.meld30(labs(bili, Math.min(20, inr + delta), cr, na)).score())
                .isGreaterThanOrEqualTo(base);
        assertThat(Meld.meld30(labs(bili, inr, cr + delta, na)).score())
                .isGreaterThanOrEqualTo(base);
    }

    @Property(tries = 200)
    void scoresStayWithinSixToForty(
            @ForAll @DoubleRange(min = 0.1, max = 80) double bili,
            @ForAll @DoubleRange(min = 0.5, max = 20) double inr,
            @ForAll @DoubleRange(min = 0.1, max = 25) double cr,
            @ForAll @DoubleRange(min = 100, max = 180) double na) {
        assertThat(Meld.meldNa(labs(bili, inr, cr, na)).score()).isBetween(6, 40);
        assertThat(Meld.meld30(labs(bili, inr, cr, na)).score()).isBetween(6, 40);
    }

    private static LiverLabs labs(double bili, double inr, double cr, double na) {
        return new LiverLabs(bili, inr, cr, na, 2.8, false, Sex.FEMALE);
    }
}
