package org.ramsetu.platform.allocation.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.VersionedRecord;

/**
 * One offer as a coordinator sees it: which candidate at which centre, its deadline and the answer.
 * The candidate is named only to the coordinators of the patient's own centre (their inbox and the
 * offer's record); anyone else sees the request. The donor is the run's donation case, named by its
 * id only.
 *
 * @param rank the candidate's place in the allocation run
 * @param escalated true when the offer was made because an earlier one was declined or expired
 * @param respondBy the deadline: of the offer, or of the provisional yes
 * @param graftWeek1 graft function a week after the transplant, once recorded
 * @param graftMonth3 graft function three months after it, once recorded
 * @param patientName the candidate's name, for the coordinators of their centre only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferView(
        UUID id,
        UUID sequenceId,
        UUID allocationRunId,
        UUID donationCaseId,
        Organ organ,
        int rank,
        UUID requestId,
        UUID centreId,
        OfferStatus status,
        Instant offeredAt,
        boolean escalated,
        Instant respondBy,
        @Nullable Instant answeredAt,
        @Nullable DeclineReason declineReason,
        @Nullable String note,
        @Nullable Instant transplantedAt,
        @Nullable GraftFunction graftWeek1,
        @Nullable GraftFunction graftMonth3,
        long version,
        @Nullable String patientName)
        implements VersionedRecord {

    static OfferView of(OfferSequence s, OrganOffer o) {
        return of(s, o, null);
    }

    static OfferView of(OfferSequence s, OrganOffer o, @Nullable String patientName) {
        return new OfferView(
                o.id(),
                s.id(),
                s.runId(),
                s.caseId(),
                s.organ(),
                o.rank(),
                o.requestId(),
                o.centreId(),
                o.status(),
                o.offeredAt(),
                o.offeredBy() == null,
                o.respondBy(),
                o.answeredAt(),
                o.declineReason(),
                o.note(),
                o.transplantedAt(),
                o.outcome() == null ? null : o.outcome().week1(),
                o.outcome() == null ? null : o.outcome().month3(),
                o.version(),
                patientName);
    }
}
