package org.ramsetu.platform.allocation.offers;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.allocation.OfferProperties;
import org.ramsetu.platform.allocation.runs.AllocationRun;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequest;

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

    /**
     * The offer to make to the run's candidate at {@code rank}: only while its listing still waits
     * at a centre (a candidate that left the list, or was listed before centres existed, is passed
     * by).
     */
    Optional<OrganOffer> offerTo(
            @Nullable TransplantRequest listing, int rank, Instant at, @Nullable UUID by) {
        if (listing == null
                || listing.status() != RequestStatus.WAITING
                || listing.centreId() == null) {
            return Optional.empty();
        }
        return Optional.of(
                OrganOffer.made(
                        id, listing.id(), listing.centreId(), rank, at, by, at.plus(response)));
    }
}
