package org.ramsetu.platform.allocation.policies;

import java.util.List;
import java.util.Map;

/**
 * An allocation policy as written in {@code allocation-policies/*.json} (docs/allocation.md
 * describes the format). Every number is required: a missing one is an error, never a default.
 *
 * @param organs {@code HEART}, {@code LIVER}, {@code KIDNEY} and {@code CORNEA}, each once
 */
public record PolicyFile(String id, String description, Map<String, OrganFile> organs) {

    /**
     * @param groups ordered group keys (GroupKey names)
     * @param distanceBandsKm ascending band limits (may be empty unless DISTANCE_BAND is a group)
     * @param meld {@code MELD_NA} or {@code MELD_3}, exactly when MELD is a group
     * @param longevity exactly when LONGEVITY is a group
     */
    public record OrganFile(
            List<String> groups,
            List<Double> distanceBandsKm,
            String meld,
            LongevityFile longevity,
            PointsFile points) {}

    public record LongevityFile(Integer kdpiMax, Integer eptsMax) {}

    public record PointsFile(
            Double waitingPerYear,
            Double hla,
            Double sensitisation,
            Integer sensitisationFullAt,
            Double distance,
            Double distanceCapKm,
            Double ml) {}
}
