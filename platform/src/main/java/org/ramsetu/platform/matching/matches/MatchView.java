package org.ramsetu.platform.matching.matches;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;

/**
 * A match as its reader may see it. Coordinators see everything. A patient sees their own matches
 * without anything that identifies the donor ({@code pledgeId}, {@code donorId}, {@code runId} and
 * {@code donor} stay empty) until a coordinator approved one; then {@code donor} names who to
 * expect. A donor sees their approved matches, with the patient's name and hospital.
 *
 * @param score the combined score of the ranking (0–1)
 * @param mlScore the model's score; null when the run was degraded
 * @param declineReason the coded reason of a declined match
 * @param donor the donor's contact, once approved (patients and coordinators)
 * @param patient the patient's name and hospital, once approved (donors and coordinators)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchView(
        UUID id,
        @Nullable UUID runId,
        @Nullable UUID requestId,
        @Nullable UUID pledgeId,
        @Nullable UUID patientId,
        @Nullable UUID donorId,
        @Schema(implementation = Organ.class) String organ,
        int rank,
        @Nullable Double score,
        @Nullable Double mlScore,
        @Nullable Double distanceKm,
        @Schema(implementation = MatchStatus.class) String status,
        @Nullable String declineReason,
        @Nullable String declineNote,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable UUID decidedBy,
        @Nullable UUID supersededByRun,
        @Nullable Long version,
        @Nullable Contact donor,
        @Nullable Contact patient) {

    /** A party's name, e-mail and place (the donor's city, the patient's hospital). */
    public record Contact(String name, String email, @Nullable String place) {}
}
