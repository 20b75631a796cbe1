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
        Copy copy = new Copy(this);
        copy.status = next;
        copy.answeredAt = at;
        copy.answeredBy = by;
        copy.declineReason = reason;
        copy.note = answerNote;
        return copy.build();
    }

    /** Accepted for now: the centre holds the organ until {@code until} while it confirms. */
    OrganOffer provisional(Instant at, UUID by, Instant until, @Nullable String answerNote) {
        Copy copy = new Copy(answered(OfferStatus.PROVISIONAL, at, by, null, answerNote));
        copy.respondBy = until;
        return copy.build();
    }

    OrganOffer transplanted(Instant at, UUID by) {
        Copy copy = new Copy(this);
        copy.transplantedAt = at;
        copy.transplantRecordedBy = by;
        return copy.build();
    }

    OrganOffer withOutcome(Outcome recorded) {
        Copy copy = new Copy(this);
        copy.outcome = recorded;
        return copy.build();
    }

    /**
     * This offer with some of its parts replaced: what changes over an offer's life is assigned
     * after the copy, everything else (who it went to, when and by whom) is carried over as it was.
     */
    private static final class Copy {
        private final OrganOffer of;
        private OfferStatus status;
        private Instant respondBy;
        private @Nullable Instant answeredAt;
        private @Nullable UUID answeredBy;
        private @Nullable DeclineReason declineReason;
        private @Nullable String note;
        private @Nullable Instant transplantedAt;
        private @Nullable UUID transplantRecordedBy;
        private @Nullable Outcome outcome;

        Copy(OrganOffer of) {
            this.of = of;
            this.status = of.status;
            this.respondBy = of.respondBy;
            this.answeredAt = of.answeredAt;
            this.answeredBy = of.answeredBy;
            this.declineReason = of.declineReason;
            this.note = of.note;
            this.transplantedAt = of.transplantedAt;
            this.transplantRecordedBy = of.transplantRecordedBy;
            this.outcome = of.outcome;
        }

        OrganOffer build() {
            return new OrganOffer(
                    of.id,
                    of.sequenceId,
                    of.requestId,
                    of.centreId,
                    of.rank,
                    status,
                    of.offeredAt,
                    of.offeredBy,
                    respondBy,
                    answeredAt,
                    answeredBy,
                    declineReason,
                    note,
                    transplantedAt,
                    transplantRecordedBy,
                    outcome,
                    of.version);
        }
    }
}
