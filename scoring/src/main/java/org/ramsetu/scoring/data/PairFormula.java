package org.ramsetu.scoring.data;

import java.util.List;
import org.ramsetu.core.features.FeatureSchema;
import org.ramsetu.core.organ.Organ;

/**
 * The original generator's target per organ (docs/domain.md "Synthetic training data"): a weighted
 * sum of the organ's test scores, plus {@code wd·(1 − d/1500)} for distance and {@code wu·(u/5)}
 * for urgency, clamped to [0.4, 1.0]. Weights follow {@link FeatureSchema}'s order.
 */
public record PairFormula(
        Organ organ, double[] scoreWeights, double distanceWeight, double urgencyWeight) {

    public static final double MIN_TARGET = 0.4;
    public static final double MAX_TARGET = 1.0;

    public static PairFormula of(Organ organ) {
        return switch (organ) {
            case KIDNEY ->
                    new PairFormula(organ, new double[] {0.30, 0.25, 0.15, 0.15}, 0.075, 0.075);
            case HEART ->
                    new PairFormula(organ, new double[] {0.20, 0.20, 0.20, 0.15, 0.15}, 0.05, 0.05);
            case LIVER ->
                    new PairFormula(organ, new double[] {0.20, 0.20, 0.20, 0.20, 0.10}, 0.05, 0.05);
            case CORNEA -> new PairFormula(organ, new double[] {0.35, 0.35, 0.20}, 0.05, 0.05);
        };
    }

    public List<String> features() {
        return FeatureSchema.names(organ);
    }

    /** {@code features} in schema order: the test scores, then distance_km, then urgency_level. */
    public double target(double[] features) {
        int n = scoreWeights.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += scoreWeights[i] * features[i];
        }
        sum += distanceWeight * (1 - features[n] / 1500.0);
        sum += urgencyWeight * (features[n + 1] / 5.0);
        return Math.max(MIN_TARGET, Math.min(MAX_TARGET, sum));
    }
}
