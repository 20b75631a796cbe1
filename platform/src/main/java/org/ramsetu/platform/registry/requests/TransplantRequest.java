package org.ramsetu.platform.registry.requests;

import java.time.Instant;
import java.util.UUID;
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
        long version)
        implements ListingRecord<RequestStatus> {

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
                version + 1);
    }
}
