package org.ramsetu.platform.matching.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The donor of a candidate pledge, as a clinician reads a match list: read from the registry when
 * the run is shown (the run itself stores what ranked the pledge, not who the donor is), with the
 * age on the day of the run.
 *
 * @param hla the donor's typing, e.g. {@code A2 A24 B7 B44 DR15}; null when not typed
 * @param hlaMismatches A-B-DR mismatches with the patient, e.g. {@code 1-0-1}; null unless both are
 *     typed
 * @param kdpi the kidney's KDPI percentile as a pledge knows it; null for other organs or when
 *     unknown
 * @param kdpiNote for a kidney, what KDPI assumed or why it is unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateDonor(
        UUID pledgeId,
        int ageYears,
        String sex,
        String bloodGroup,
        double heightCm,
        double weightKg,
        @Nullable String hla,
        @Nullable String hlaMismatches,
        @Nullable Integer kdpi,
        @Nullable String kdpiNote) {}
