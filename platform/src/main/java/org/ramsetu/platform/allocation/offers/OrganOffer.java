package org.ramsetu.platform.allocation.offers;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One offer of the organ to one candidate's centre.
 *
 * @param rank the candidate's place in the run
 * @param offeredBy the coordinator who started the sequence; null when escalation made the offer
 */
record OrganOffer(
        UUID id,
        UUID sequenceId,
        UUID requestId,
        UUID centreId,
        int rank,
        OfferStatus status,
        Instant offeredAt,
        @Nullable UUID offeredBy,
        Instant respondBy,
        @Nullable Instant answeredAt,
        @Nullable UUID answeredBy,
        @Nullable DeclineReason declineReason,
        @Nullable String note,
        @Nullable Instant transplantedAt,
        @Nullable UUID transplantRecordedBy,
        long version) {

    OrganOffer answered(
            OfferStatus next,
            Instant at,
            @Nullable UUID by,
            @Nullable DeclineReason reason,
            @Nullable String answerNote) {
        return new OrganOffer(
                id,
                sequenceId,
                requestId,
                centreId,
                rank,
                next,
                offeredAt,
                offeredBy,
                respondBy,
                at,
                by,
                reason,
                answerNote,
                transplantedAt,
                transplantRecordedBy,
                version);
    }

    OrganOffer provisional(Instant at, UUID by, Instant until, @Nullable String answerNote) {
        return new OrganOffer(
                id,
                sequenceId,
                requestId,
                centreId,
                rank,
                OfferStatus.PROVISIONAL,
                offeredAt,
                offeredBy,
                until,
                at,
                by,
                null,
                answerNote,
                transplantedAt,
                transplantRecordedBy,
                version);
    }

    OrganOffer transplanted(Instant at, UUID by) {
        return new OrganOffer(
                id,
                sequenceId,
                requestId,
                centreId,
                rank,
                status,
                offeredAt,
                offeredBy,
                respondBy,
                answeredAt,
                answeredBy,
                declineReason,
                note,
                at,
                by,
                version);
    }
}
