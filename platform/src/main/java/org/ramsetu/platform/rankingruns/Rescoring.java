package org.ramsetu.platform.rankingruns;

import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.kernel.DomainException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Re-scores a degraded ranking run once scoring is back, the same way for both kinds: a new, scored
 * run for the same listing, linked to the degraded one, which is never modified. Safe to repeat: a
 * degraded run gets at most one successor (a unique column), so a redelivered job finds the work
 * done. A listing that no longer counts (a request no longer waiting, a pledge no longer verified)
 * is not ranked again; the side audits why.
 *
 * @param <R> the stored run
 * @param <L> the listing it ranked, as read now
 * @param <C> a computed ranking, before it is recorded
 */
public final class Rescoring<R, L, C extends ComputedRun> {

    /** What a re-scoring attempt came to. */
    public enum Outcome {
        /** A re-scored run was written. */
        WRITTEN,
        /** An earlier delivery of the job wrote it. */
        ALREADY_DONE,
        /** The listing no longer counts: nothing to rank any more. */
        SKIPPED
    }

    /** Scoring is still unavailable: the job (or batch) should be retried later. */
    public static final class StillUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StillUnavailable(String cause) {
            super("scoring still unavailable, re-scoring later: " + cause);
        }
    }

    /** What differs between the two kinds of run. */
    public interface Side<R, L, C extends ComputedRun> {

        /** The run, or empty for an unknown id. */
        Optional<R> run(UUID id);

        /** Whether the run is degraded and no successor has been written for it yet. */
        boolean awaitsRescoring(R run);

        /** The listing the run ranked, as it is now. */
        L listing(R run);

        /** Whether the listing still counts: a waiting request, a verified pledge. */
        boolean counts(L listing);

        C calculate(R run, L listing);

        /**
         * Records the computed run as the successor of {@code degradedRunId}.
         *
         * @throws DuplicateKeyException when a successor was written meanwhile
         * @throws DomainException when the listing changed since it was ranked
         */
        void record(C computed, UUID degradedRunId);

        /** Audits that the run is not re-scored because its listing no longer counts. */
        void skipped(R run, L listing);
    }

    private final String kind;
    private final Side<R, L, C> side;

    /**
     * @param kind the kind of run, for messages ({@code match run}, {@code allocation run})
     */
    public Rescoring(String kind, Side<R, L, C> side) {
        this.kind = kind;
        this.side = side;
    }

    /**
     * @throws StillUnavailable while scoring still fails (the queue retries with back-off)
     */
    public Outcome rescore(UUID degradedRunId) {
        R degraded =
                side.run(degradedRunId)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no "
                                                        + kind
                                                        + " "
                                                        + degradedRunId
                                                        + " to re-score"));
        if (!side.awaitsRescoring(degraded)) {
            return Outcome.ALREADY_DONE;
        }
        L listing = side.listing(degraded);
        if (!side.counts(listing)) {
            side.skipped(degraded, listing);
            return Outcome.SKIPPED;
        }
        C computed = side.calculate(degraded, listing);
        // Scoring failed again, so the computed run is degraded too.
        if (computed.degraded()) {
            throw new StillUnavailable(computed.degradedCause());
        }
        try {
            side.record(computed, degradedRunId);
            return Outcome.WRITTEN;
        } catch (DuplicateKeyException concurrentDelivery) {
            return Outcome.ALREADY_DONE;
        } catch (DomainException refused) {
            // The listing stopped counting between ranking and recording.
            L now = side.listing(degraded);
            if (!side.counts(now)) {
                side.skipped(degraded, now);
                return Outcome.SKIPPED;
            }
            throw refused;
        }
    }
}
