package org.ramsetu.platform.allocation.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;

/**
 * One offer as a coordinator sees it: which candidate (by request, never by name) at which centre,
 * its deadline and the answer. The donor is the run's donation case, named by its id only.
 *
 * @param rank the candidate's place in the allocation run
 * @param escalated true when the offer was made because an earlier one was declined or expired
 * @param respondBy the deadline: of the offer, or of the provisional yes
 * @param graftWeek1 graft function a week after the transplant, once recorded
 * @param graftMonth3 graft function three months after it, once recorded
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
        long version) {

    static OfferView of(OfferSequence s, OrganOffer o) {
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
                o.version());
    }
}
