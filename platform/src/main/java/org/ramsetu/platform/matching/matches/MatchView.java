package org.ramsetu.platform.matching.matches;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

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
        UUID runId,
        UUID requestId,
        UUID pledgeId,
        UUID patientId,
        UUID donorId,
        String organ,
        int rank,
        Double score,
        Double mlScore,
        Double distanceKm,
        String status,
        String declineReason,
        String declineNote,
        Instant createdAt,
        Instant decidedAt,
        UUID decidedBy,
        UUID supersededByRun,
        Long version,
        Contact donor,
        Contact patient) {

    /** A party's name, e-mail and place (the donor's city, the patient's hospital). */
    public record Contact(String name, String email, String place) {}
}
