package org.ramsetu.platform.allocation.offers;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One offer of the organ to one candidate's centre.
 *
 * @param rank the candidate's place in the run
 * @param offeredBy the coordinator who started the sequence; null when escalation made the offer
 * @param outcome the transplant's outcome at follow-up; null until its centre records one
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
        @Nullable Outcome outcome,
        long version) {

    /**
     * The transplant's graft function at follow-up, as its centre recorded it last.
     *
     * @param week1 at one week; null until known
     * @param month3 at three months; null until known
     */
    record Outcome(
            @Nullable GraftFunction week1,
            @Nullable GraftFunction month3,
            Instant recordedAt,
            UUID recordedBy) {}

    /** A new offer awaiting its centre's answer until {@code respondBy}. */
    static OrganOffer made(
            UUID sequenceId,
            UUID requestId,
            UUID centreId,
            int rank,
            Instant at,
            @Nullable UUID by,
            Instant respondBy) {
        return new OrganOffer(
                UUID.randomUUID(),
                sequenceId,
                requestId,
                centreId,
                rank,
                OfferStatus.OFFERED,
                at,
                by,
                respondBy,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }

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
                outcome,
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
                outcome,
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
                outcome,
                version);
    }

    OrganOffer withOutcome(Outcome recorded) {
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
                transplantedAt,
                transplantRecordedBy,
                recorded,
                version);
    }
}
