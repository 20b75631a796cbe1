package org.ramsetu.platform.matching.matches;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;

/**
 * A match as its reader may see it. Donation is anonymous: coordinators see everything; a patient
 * sees their own matches without anything that identifies the donor ({@code pledgeId}, {@code
 * donorId}, {@code runId} and {@code donor} stay empty, before and after approval) and with the
 * distance rounded to 50 km; a donor sees their approved matches without anything that identifies
 * the patient.
 *
 * @param score the combined score of the ranking (0–1)
 * @param mlScore the model's score; null when the run was degraded
 * @param distanceKm for patients rounded to 50 km (at least 50)
 * @param declineReason the coded reason of a declined match
 * @param donor the donor's contact, once approved (coordinators only)
 * @param patient the patient's name and hospital, once approved (coordinators only)
 * @param patientName the patient's name (coordinators only), so that a list says whom each match is
 *     for
 * @param donorName the donor's name (coordinators only)
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
        @Nullable Contact patient,
        @Nullable String patientName,
        @Nullable String donorName) {

    /** A party's name, e-mail and place (the donor's city, the patient's hospital). */
    public record Contact(String name, String email, @Nullable String place) {}
}
