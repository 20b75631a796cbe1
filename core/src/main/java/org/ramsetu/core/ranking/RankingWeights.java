package org.ramsetu.core.ranking;

import org.ramsetu.core.Require;

/**
 * Weights of the combined score. Each component is normalised to [0, 1] first: ML score as is, HLA
 * points / 400 (kidney only), waiting days / {@code waitingCapDays}, and 1 − distance / {@code
 * distanceCapKm}. Components that do not apply (HLA outside kidney, ML when degraded) drop out and
 * the remaining weights are rescaled to sum to 1.
 */
public record RankingWeights(
        double ml,
        double hla,
        double waiting,
        double distance,
        double waitingCapDays,
        double distanceCapKm) {
    public static final RankingWeights DEFAULTS =
            new RankingWeights(0.5, 0.2, 0.2, 0.1, 5 * 365, 1500);

    public RankingWeights {
        Require.inRange("weights.ml", ml, 0, 1, "");
        Require.inRange("weights.hla", hla, 0, 1, "");
        Require.inRange("weights.waiting", waiting, 0, 1, "");
        Require.inRange("weights.distance", distance, 0, 1, "");
        Require.inRange("weights.waitingCapDays", waitingCapDays, 1, 36500, "days");
        Require.inRange("weights.distanceCapKm", distanceCapKm, 1, 20000, "km");
        if (waiting + distance <= 0) {
            throw new org.ramsetu.core.InvalidClinicalValueException(
                    "weights",
                    "waiting and distance weights cannot both be 0 (degraded runs need them)");
        }
    }
}
