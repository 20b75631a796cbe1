package org.ramsetu.platform.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws values with given relative frequencies. */
final class Weighted<T> {

    private final Map<T, Double> weights;
    private final double total;

    private Weighted(Map<T, Double> weights) {
        this.weights = weights;
        this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Alternating value, weight pairs. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... valuesAndWeights) {
        Map<T, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            weights.put((T) valuesAndWeights[i], ((Number) valuesAndWeights[i + 1]).doubleValue());
        }
        return new Weighted<>(weights);
    }

    T draw(SplittableRandom random) {
        double ticket = random.nextDouble() * total;
        T last = null;
        for (Map.Entry<T, Double> e : weights.entrySet()) {
            ticket -= e.getValue();
            last = e.getKey();
            if (ticket < 0) {
                return last;
            }
        }
        return last;
    }
}
