package org.ramsetu.core.ranking;

/**
 * What went into a candidate's combined score, with the effective (rescaled) weights.
 *
 * @param ml the ML score, or {@code NaN} when not used (degraded run)
 * @param hlaPoints ETKAS-style HLA points, or {@code NaN} when not a kidney
 */
public record ScoreComponents(
        double ml,
        double hlaPoints,
        long waitingDays,
        double distanceKm,
        double wMl,
        double wHla,
        double wWaiting,
        double wDistance,
        double combined) {}
