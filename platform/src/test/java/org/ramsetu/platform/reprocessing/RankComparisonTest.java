package org.ramsetu.platform.reprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RankComparisonTest {

    @Test
    void aHandComputedExampleWithACandidateGoneAndOneNew() {
        // old A B C D E, new B A C E F: D left, F came. Common A B C E, relative orders
        // old 1 2 3 4, new A2 B1 C3 E4: d = 1, -1, 0, 0, Σd² = 2, ρ = 1 − 6·2 / (4·15) = 0.8.
        // Listed ranks: A 1→2, B 2→1, C 3→3, E 5→4: mean |shift| = 3 / 4.
        RankComparison c =
                RankComparison.of(
                        List.of("A", "B", "C", "D", "E"), List.of("B", "A", "C", "E", "F"), 2);

        assertThat(c.changed()).isTrue();
        assertThat(c.topChanged()).isTrue();
        assertThat(c.common()).isEqualTo(4);
        assertThat(c.spearman()).isCloseTo(0.8, within(1e-12));
        assertThat(c.meanAbsoluteShift()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void theSameRankingIsUnchangedWithCorrelationOne() {
        RankComparison c = RankComparison.of(List.of(1, 2, 3), List.of(1, 2, 3), 5);

        assertThat(c.changed()).isFalse();
        assertThat(c.topChanged()).isFalse();
        assertThat(c.spearman()).isEqualTo(1.0);
        assertThat(c.meanAbsoluteShift()).isZero();
    }

    @Test
    void aReversedRankingCorrelatesMinusOne() {
        RankComparison c = RankComparison.of(List.of(1, 2, 3, 4), List.of(4, 3, 2, 1), 1);

        assertThat(c.spearman()).isCloseTo(-1.0, within(1e-12));
        // shifts 3, 1, 1, 3
        assertThat(c.meanAbsoluteShift()).isEqualTo(2.0);
    }

    @Test
    void aChangeBelowTheTopLeavesTheProposalsAlone() {
        RankComparison c = RankComparison.of(List.of(1, 2, 3, 4), List.of(1, 2, 4, 3), 2);

        assertThat(c.changed()).isTrue();
        assertThat(c.topChanged()).isFalse();
        assertThat(c.spearman()).isCloseTo(1 - 6.0 * 2 / (4 * 15), within(1e-12));
    }

    @Test
    void belowTwoCommonCandidatesThereIsNoCorrelation() {
        assertThat(RankComparison.of(List.of(1, 2), List.of(2, 3), 1).spearman()).isNull();
        RankComparison none = RankComparison.of(List.<Integer>of(), List.<Integer>of(), 5);
        assertThat(none.changed()).isFalse();
        assertThat(none.spearman()).isNull();
        assertThat(none.meanAbsoluteShift()).isZero();
    }

    @Test
    void spearmanEqualsPearsonOfTheCommonCandidatesRelativeRanks() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Integer> old = new ArrayList<>(IntStream.range(0, 200).boxed().toList());
            Collections.shuffle(old, random);
            List<Integer> now = new ArrayList<>(old.subList(random.nextInt(20), old.size()));
            Collections.shuffle(now.subList(0, now.size() / 2), random);
            now.add(1_000 + round);

            List<Integer> common = now.stream().filter(old::contains).toList();
            double[] x = common.stream().mapToDouble(old::indexOf).toArray();
            double[] y = common.stream().mapToDouble(now::indexOf).toArray();
            double expected = pearson(ranks(x), ranks(y));

            assertThat(RankComparison.of(old, now, 5).spearman()).isCloseTo(expected, within(1e-9));
        }
    }

    private static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            ranks[order[i]] = i + 1;
        }
        return ranks;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mb = java.util.Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
