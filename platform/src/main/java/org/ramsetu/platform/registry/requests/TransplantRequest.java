package org.ramsetu.platform.registry.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * @param unverifiedFields the clinical fields the patient changed since that check (e.g. {@code
 *     liver.inr}); empty when nothing awaits a second check
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
        List<String> unverifiedFields,
        long version)
        implements ListingRecord<RequestStatus> {

    /**
     * A coordinator of the centre checked the clinical values and set the urgency.
     *
     * @param evidence what the urgency rests on, as the centre recorded it
     */
    public record Verification(Instant at, UUID by, String evidence) {}

    public TransplantRequest {
        unverifiedFields = List.copyOf(unverifiedFields);
    }

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
                unverifiedFields,
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
                List.of(),
                version + 1);
    }

    /**
     * New clinical values and their scores; the request awaits its centre's check again ({@code
     * next} is {@code PENDING_VERIFICATION}) for the fields that changed.
     */
    TransplantRequest edited(
            RequestStatus next,
            ClinicalValues values,
            ClinicalScores rescored,
            List<String> changed,
            UUID by,
            Instant at) {
        List<String> awaiting = new ArrayList<>(unverifiedFields);
        changed.stream().filter(f -> !awaiting.contains(f)).forEach(awaiting::add);
        return new TransplantRequest(
                id,
                patientId,
                organ,
                next,
                urgency,
                values,
                rescored,
                listedAt,
                null,
                at,
                by,
                centreId,
                verification,
                awaiting,
                version + 1);
    }
}
