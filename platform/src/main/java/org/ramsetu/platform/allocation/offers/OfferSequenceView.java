package org.ramsetu.platform.allocation.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;

/**
 * The offering of a recovered organ from one allocation run: the policy it runs under and every
 * offer made, in the run's order.
 *
 * @param simultaneous candidates offered at once
 * @param responseSeconds how long a centre has to answer an offer
 * @param provisionalSeconds how long a provisional yes holds
 * @param closedAt when an acceptance placed the organ or the list ran out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferSequenceView(
        UUID id,
        UUID allocationRunId,
        UUID donationCaseId,
        Organ organ,
        SequenceStatus status,
        int simultaneous,
        long responseSeconds,
        long provisionalSeconds,
        Instant startedAt,
        @Nullable Instant closedAt,
        List<OfferView> offers) {

    static OfferSequenceView of(OfferSequence s, List<OrganOffer> offers) {
        return new OfferSequenceView(
                s.id(),
                s.runId(),
                s.caseId(),
                s.organ(),
                s.status(),
                s.simultaneous(),
                s.response().toSeconds(),
                s.provisional().toSeconds(),
                s.startedAt(),
                s.closedAt(),
                offers.stream().map(o -> OfferView.of(s, o)).toList());
    }
}
