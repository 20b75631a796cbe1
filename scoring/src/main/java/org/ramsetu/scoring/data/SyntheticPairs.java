package org.ramsetu.scoring.data;

import java.util.SplittableRandom;
import org.ramsetu.core.organ.Organ;

/**
 * Seeded synthetic donor–patient pairs (docs/domain.md): each test score uniform in [0.4, 1.0], the
 * distance between two uniform points in India's box (lat 8–37, lon 68–97), urgency uniform in
 * 1..5. Values are rounded as they are written (scores and km to 2 decimals, target to 3) and the
 * target is computed from the rounded values, so a CSV reproduces its own targets exactly.
 */
public final class SyntheticPairs {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private final PairFormula formula;
    private final SplittableRandom random;
    private final int scoreCount;

    public SyntheticPairs(Organ organ, long seed) {
        this.formula = PairFormula.of(organ);
        this.random = new SplittableRandom(seed);
        this.scoreCount = formula.scoreWeights().length;
    }

    public PairFormula formula() {
        return formula;
    }

    /** Number of features per pair (the array {@link #next} fills). */
    public int width() {
        return scoreCount + 2;
    }

    /** Fills {@code features} with the next pair and returns its target (rounded to 3 places). */
    public double next(double[] features) {
        for (int i = 0; i < scoreCount; i++) {
            features[i] = round2(random.nextDouble(0.4, 1.0));
        }
        double lat1 = random.nextDouble(8, 37);
        double lon1 = random.nextDouble(68, 97);
        double lat2 = random.nextDouble(8, 37);
        double lon2 = random.nextDouble(68, 97);
        features[scoreCount] = round2(haversineKm(lat1, lon1, lat2, lon2));
        features[scoreCount + 1] = random.nextInt(1, 6);
        return Math.round(formula.target(features) * 1000) / 1000.0;
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dPhi = p2 - p1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a =
                Math.pow(Math.sin(dPhi / 2), 2)
                        + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
