package org.ramsetu.core.allocation;

/**
 * A candidate's points, part by part (each part is its weight times its scaled value).
 *
 * @param hlaPoints ETKAS HLA points 0–400, or NaN when not a kidney
 * @param unacceptableAntigens how many antigens the candidate lists (the sensitisation proxy)
 * @param mlScore the model's compatibility score, or NaN in a degraded run
 */
public record Points(
        long waitingDays,
        double waiting,
        double hlaPoints,
        double hla,
        int unacceptableAntigens,
        double sensitisation,
        double distanceKm,
        double distance,
        double mlScore,
        double ml,
        double total) {}
