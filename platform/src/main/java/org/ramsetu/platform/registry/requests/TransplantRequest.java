package org.ramsetu.platform.registry.requests;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.registry.common.ListingRecord;
import org.springframework.modulith.NamedInterface;

/**
 * A patient's request for one organ: a place on the waiting list.
 *
 * @param urgency 1 (routine) – 5 (most urgent)
 * @param clinical the values the scores were computed from
 * @param listedAt start of waiting time
 * @param removalReason the coordinator's reason; only for {@code REMOVED}
 * @param statusChangedBy the account that made the last change (the patient on creation)
 * @param centreId the transplant centre the patient is listed at: named by the patient, or set by
 *     the centre whose coordinator verifies the request; null on requests listed before centres
 *     existed
 * @param verification the centre's last check of the clinical values; null until then
 */
@NamedInterface("requests")
public record TransplantRequest(
        UUID id,
        UUID patientId,
        Organ organ,
        RequestStatus status,
        int urgency,
        ClinicalValues clinical,
        ClinicalScores scores,
        Instant listedAt,
        String removalReason,
        Instant statusChangedAt,
        UUID statusChangedBy,
        @Nullable UUID centreId,
        @Nullable Verification verification,
        long version)
        implements ListingRecord<RequestStatus> {

    /**
     * A coordinator of the centre checked the clinical values and set the urgency.
     *
     * @param evidence what the urgency rests on, as the centre recorded it
     */
    public record Verification(Instant at, UUID by, String evidence) {}

    @Override
    public String statusReason() {
        return removalReason;
    }

    TransplantRequest movedTo(RequestStatus next, String reason, UUID by, Instant at) {
        return new TransplantRequest(
                id,
                patientId,
                organ,
                next,
                urgency,
                clinical,
                scores,
                listedAt,
                next == RequestStatus.REMOVED ? reason : null,
                at,
                by,
                centreId,
                verification,
                version + 1);
    }

    /** Verified: listed at {@code centre} with the urgency the centre set. */
    TransplantRequest verifiedBy(
            RequestStatus next, UUID centre, int confirmedUrgency, Verification check) {
        return new TransplantRequest(
                id,
                patientId,
                organ,
                next,
                confirmedUrgency,
                clinical,
                scores,
                listedAt,
                null,
                check.at(),
                check.by(),
                centre,
                check,
                version + 1);
    }
}
