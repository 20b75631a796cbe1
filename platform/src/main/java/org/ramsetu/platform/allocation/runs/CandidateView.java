package org.ramsetu.platform.allocation.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One ranked request of an allocation run as shown: its place, the groups that placed it, every
 * part of its points, and the reason in one line.
 *
 * @param points the total points inside the last group
 * @param mlScore the model's compatibility score; null in a degraded run
 * @param urgency the request's urgency as its organ measures it, e.g. {@code heart status 2}
 * @param abo {@code IDENTICAL}, {@code COMPATIBLE} or {@code NOT_APPLICABLE} (cornea)
 * @param hlaMismatches A-B-DR mismatches, e.g. {@code 1-0-1} (kidneys with both typings)
 * @param groups the policy's ordered groups with this request's place in each
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateView(
        int rank,
        UUID requestId,
        double points,
        @Nullable Double mlScore,
        String urgency,
        String abo,
        @Nullable String hlaMismatches,
        @Nullable Integer eptsPercentile,
        @Nullable Integer meld,
        List<Group> groups,
        Components components,
        @Nullable Transport transport,
        boolean nearIschaemiaLimit,
        @Nullable List<Imputed> imputed,
        String explanation) {

    /**
     * @param key the group, e.g. {@code STATUS_TIER}
     * @param order the sort value inside the group (lower is offered first)
     */
    public record Group(String key, int order, String label) {}

    /**
     * Each part of the points with the value it came from.
     *
     * @param hlaPoints ETKAS HLA points 0–400 (kidney), else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AllocationComponents")
    public record Components(
            long waitingDays,
            double waitingPoints,
            @Nullable Double hlaPoints,
            double hlaPointsAwarded,
            int unacceptableAntigens,
            double sensitisationPoints,
            double distanceKm,
            int distanceBand,
            double distancePoints,
            double mlPoints) {}

    public record Transport(
            String mode, double hours, double ischaemiaHours, double hardLimitHours) {}

    public record Imputed(String feature, double value, String reason) {}
}
