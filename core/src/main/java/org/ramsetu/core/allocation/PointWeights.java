package org.ramsetu.core.allocation;

import org.ramsetu.core.Require;

/**
 * The points that order candidates inside the last group. Each part is a weight times a value in
 * [0, 1] (waiting: per year, uncapped): waiting time, HLA (ETKAS points ÷ 400, kidney only),
 * sensitisation (listed unacceptable antigens ÷ {@code sensitisationFullAt}, at most 1, kidney
 * only), distance (1 − km ÷ {@code distanceCapKm}, at least 0) and the ML compatibility score
 * (dropped when the run is degraded).
 *
 * @param waitingPerYear points per year on the waiting list
 * @param sensitisationFullAt how many unacceptable antigens earn the full sensitisation points
 */
public record PointWeights(
        double waitingPerYear,
        double hla,
        double sensitisation,
        int sensitisationFullAt,
        double distance,
        double distanceCapKm,
        double ml) {

    public PointWeights {
        Require.inRange("points.waitingPerYear", waitingPerYear, 0, 10_000, "");
        Require.inRange("points.hla", hla, 0, 10_000, "");
        Require.inRange("points.sensitisation", sensitisation, 0, 10_000, "");
        Require.inRange("points.sensitisationFullAt", sensitisationFullAt, 1, 100, "antigens");
        Require.inRange("points.distance", distance, 0, 10_000, "");
        Require.inRange("points.distanceCapKm", distanceCapKm, 1, 20_000, "km");
        Require.inRange("points.ml", ml, 0, 10_000, "");
    }
}
