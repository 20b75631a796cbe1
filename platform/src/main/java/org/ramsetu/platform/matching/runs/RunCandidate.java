package org.ramsetu.platform.matching.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One ranked candidate of a run as stored and shown: its place, the combined score and every
 * component that made it, so that a coordinator can see why it sits where it does.
 *
 * @param pledgeId the candidate: the pledged organ
 * @param score the combined score (0–1) of the ranking policy
 * @param mlScore the model's compatibility score; null in a degraded run
 * @param urgency the urgency tier's label, e.g. {@code MELD-Na 25} (the request's, the same for
 *     every candidate of a run)
 * @param abo {@code IDENTICAL}, {@code COMPATIBLE} or {@code NOT_APPLICABLE} (cornea)
 * @param mlContributions each feature's share of the ML score (SHAP), for proposed candidates of a
 *     scored run
 * @param explanation the one-line reason for the position, as the clinical core renders it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunCandidate(
        int rank,
        UUID pledgeId,
        double score,
        @Nullable Double mlScore,
        String urgency,
        String abo,
        Components components,
        @Nullable Transport transport,
        boolean nearIschaemiaLimit,
        @Nullable List<Imputed> imputed,
        @Nullable Map<String, Double> features,
        @Nullable Map<String, Double> mlContributions,
        String explanation) {

    /**
     * @param hlaPoints Eurotransplant HLA points (kidney only), else null
     * @param weights the effective weights of the combined score (they add up to 1)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Components(
            @Nullable Double hlaPoints, long waitingDays, double distanceKm, Weights weights) {}

    public record Weights(double ml, double hla, double waiting, double distance) {}

    /**
     * @param mode {@code ROAD} or {@code AIR}, the faster available
     * @param hours door to door, handling included
     * @param ischaemiaHours transport plus surgery (plus time already used)
     * @param hardLimitHours the organ's hard cold ischaemia limit
     */
    public record Transport(
            String mode, double hours, double ischaemiaHours, double hardLimitHours) {}

    /** A feature filled with a documented stand-in because its test was not reported. */
    public record Imputed(String feature, double value, String reason) {}
}
