package org.ramsetu.platform.allocation.offers;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.allocation.OfferProperties;
import org.ramsetu.platform.allocation.runs.AllocationRun;

/**
 * The offering of one recovered organ down one allocation run's list, with the policy values it
 * started under.
 */
record OfferSequence(
        UUID id,
        UUID runId,
        UUID caseId,
        Organ organ,
        SequenceStatus status,
        int simultaneous,
        Duration response,
        Duration provisional,
        Instant startedAt,
        UUID startedBy,
        @Nullable Instant closedAt,
        long version) {

    /** A new sequence offering the run's organ under the organ's policy, started now. */
    static OfferSequence started(
            AllocationRun run, OfferProperties.OrganOffers policy, Instant at, UUID by) {
        return new OfferSequence(
                UUID.randomUUID(),
                run.id(),
                run.donationCaseId(),
                run.organ(),
                SequenceStatus.OPEN,
                policy.simultaneous(),
                policy.response(),
                policy.provisional(),
                at,
                by,
                null,
                0);
    }
}
