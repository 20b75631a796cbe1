package org.ramsetu.scoring.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureRuleTest {

    @Test
    void scoresAreZeroToOneDistanceIsOnEarthUrgencyIsAWholeOneToFive() {
        assertThat(FeatureRule.of("hla_score").problemWith(1.0)).isNull();
        assertThat(FeatureRule.of("hla_score").problemWith(1.01)).contains("between 0 and 1");
        assertThat(FeatureRule.of("distance_km").problemWith(0)).isNull();
        assertThat(FeatureRule.of("distance_km").problemWith(-1)).contains("between 0 and 20038");
        assertThat(FeatureRule.of("urgency_level").problemWith(5)).isNull();
        assertThat(FeatureRule.of("urgency_level").problemWith(0)).contains("between 1 and 5");
        assertThat(FeatureRule.of("urgency_level").problemWith(2.5)).contains("whole number");
        assertThat(FeatureRule.of("echo_score").problemWith(Double.NaN)).contains("finite");
    }
}
