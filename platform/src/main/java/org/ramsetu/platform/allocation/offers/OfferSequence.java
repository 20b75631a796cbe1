package org.ramsetu.platform.allocation.offers;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;

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
        long version) {}
