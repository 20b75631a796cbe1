package org.ramsetu.scoring.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ramsetu.core.features.FeatureSchema;
import org.ramsetu.core.organ.Organ;

class SyntheticPairsTest {

    @ParameterizedTest
    @EnumSource(Organ.class)
    void everyPairIsInRangeAndItsTargetFollowsTheOrgansFormulaFromTheRoundedValues(Organ organ) {
        SyntheticPairs pairs = new SyntheticPairs(organ, 11);
        double[] f = new double[pairs.width()];
        int scores = pairs.width() - 2;
        for (int i = 0; i < 5_000; i++) {
            double target = pairs.next(f);
            for (int s = 0; s < scores; s++) {
                assertThat(f[s]).isBetween(0.4, 1.0);
                assertThat(Math.round(f[s] * 100) / 100.0).isEqualTo(f[s]);
            }
            // Two points in India's box are at most ~4,300 km apart.
            assertThat(f[scores]).isBetween(0.0, 4_400.0);
            assertThat(f[scores + 1]).isIn(1.0, 2.0, 3.0, 4.0, 5.0);
            assertThat(target).isCloseTo(domainFormula(organ, f), within(0.0005));
        }
    }

    @Test
    void kidneyTargetMatchesAHandComputedRow() {
        // 0.30·0.63 + 0.25·0.41 + 0.15·0.94 + 0.15·0.75 + 0.075·(1 − 241.44/1500) + 0.075·(5/5)
        double[] row = {0.63, 0.41, 0.94, 0.75, 241.44, 5};
        assertThat(PairFormula.of(Organ.KIDNEY).target(row)).isCloseTo(0.682928, within(1e-6));
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() {
        assertThat(csv(Organ.LIVER, 50, 3)).isEqualTo(csv(Organ.LIVER, 50, 3));
        assertThat(csv(Organ.LIVER, 50, 3)).isNotEqualTo(csv(Organ.LIVER, 50, 4));
    }

    @Test
    void csvHasTheSchemaHeaderThenOneLinePerRowAndReproducesItsTargets() throws Exception {
        List<String> lines = csv(Organ.CORNEA, 1_000, 5).lines().toList();

        assertThat(lines.get(0))
                .isEqualTo(String.join(",", FeatureSchema.names(Organ.CORNEA)) + ",match_score");
        assertThat(lines).hasSize(1_001);
        for (String line : lines.subList(1, lines.size())) {
            double[] v =
                    java.util.Arrays.stream(line.split(","))
                            .mapToDouble(Double::parseDouble)
                            .toArray();
            double expected = Math.round(PairFormula.of(Organ.CORNEA).target(v) * 1000) / 1000.0;
            assertThat(v[v.length - 1]).isEqualTo(expected);
        }
    }

    private static String csv(Organ organ, long rows, long seed) {
        try {
            StringWriter out = new StringWriter();
            PairCsvWriter.write(new SyntheticPairs(organ, seed), rows, out);
            return out.toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** docs/domain.md "Synthetic training data", written out independently of PairFormula. */
    private static double domainFormula(Organ organ, double[] f) {
        double raw =
                switch (organ) {
                    case KIDNEY ->
                            0.30 * f[0]
                                    + 0.25 * f[1]
                                    + 0.15 * f[2]
                                    + 0.15 * f[3]
                                    + 0.075 * (1 - f[4] / 1500)
                                    + 0.075 * (f[5] / 5);
                    case HEART ->
                            0.20 * f[0]
                                    + 0.20 * f[1]
                                    + 0.20 * f[2]
                                    + 0.15 * f[3]
                                    + 0.15 * f[4]
                                    + 0.05 * (1 - f[5] / 1500)
                                    + 0.05 * (f[6] / 5);
                    case LIVER ->
                            0.20 * f[0]
                                    + 0.20 * f[1]
                                    + 0.20 * f[2]
                                    + 0.20 * f[3]
                                    + 0.10 * f[4]
                                    + 0.05 * (1 - f[5] / 1500)
                                    + 0.05 * (f[6] / 5);
                    case CORNEA ->
                            0.35 * f[0]
                                    + 0.35 * f[1]
                                    + 0.20 * f[2]
                                    + 0.05 * (1 - f[3] / 1500)
                                    + 0.05 * (f[4] / 5);
                };
        return Math.max(0.4, Math.min(1.0, raw));
    }
}
