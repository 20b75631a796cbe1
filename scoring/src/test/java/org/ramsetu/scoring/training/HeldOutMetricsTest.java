package org.ramsetu.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeldOutMetricsTest {

    @Test
    void perfectPredictionsScorePerfectly() {
        float[] truth = {0.5f, 0.65f, 0.75f, 0.9f};
        HeldOutMetrics m = HeldOutMetrics.of(truth, truth.clone());

        assertThat(m.mae()).isZero();
        assertThat(m.r2()).isEqualTo(1.0);
        assertThat(m.accuracy()).isEqualTo(1.0);
        assertThat(m.f1()).isEqualTo(1.0);
        assertThat(m.auroc()).isEqualTo(1.0);
    }

    @Test
    void countsTheConfusionAtThresholdSeven() {
        // truth classes: F F T T ; predicted: T F T F  → tp 1, fp 1, fn 1, tn 1
        float[] truth = {0.60f, 0.50f, 0.80f, 0.90f};
        float[] predicted = {0.71f, 0.50f, 0.80f, 0.69f};
        HeldOutMetrics m = HeldOutMetrics.of(truth, predicted);

        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.f1()).isEqualTo(0.5);
        assertThat(m.mae()).isCloseTo((0.11 + 0 + 0 + 0.21) / 4, within(1e-6));
    }

    @Test
    void aurocIsTheChanceAPositiveOutscoresANegativeWithTiesHalf() {
        float[] truth = {0.9f, 0.9f, 0.5f, 0.5f};
        // positives 0.8, 0.4 ; negatives 0.6, 0.4 → pairs: (0.8>0.6) 1, (0.8>0.4) 1, (0.4<0.6) 0,
        // tie 0.5
        float[] predicted = {0.8f, 0.4f, 0.6f, 0.4f};

        assertThat(HeldOutMetrics.auroc(truth, predicted)).isEqualTo(2.5 / 4);
    }
}
