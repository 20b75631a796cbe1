package org.ramsetu.platform.allocation.offers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.allocation.OfferProperties;
import org.ramsetu.platform.allocation.runs.AllocationRun;
import org.ramsetu.platform.allocation.runs.AllocationRunId;
import org.ramsetu.platform.allocation.runs.AllocationRuns;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.registry.requests.ChangingRequestStatus;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An offering that took place in the past, written as a whole: the demo's offer histories. It
 * follows the rules {@link MakingOffers} enforces live, with the answers a {@link Script} gives:
 * the default offer policy of the organ, offers down the run's list to candidates still waiting at
 * a centre, a decline or an expiry offering the next at once, an expiry declined as {@code
 * NO_RESPONSE} at its deadline, one acceptance withdrawing the other open offers and making the
 * request {@code MATCHED}; then the transplant ({@code TRANSPLANTED}) and its follow-up, where
 * their time has come. Nothing is mailed, scheduled or audited: no one acted; the history is data.
 */
@NamedInterface("offers")
public final class PastOffers {

    /** How a centre answered. */
    public enum Answer {
        ACCEPT,
        /** A provisional yes, then the acceptance before the provisional deadline. */
        PROVISIONAL_THEN_ACCEPT,
        DECLINE,
        /** No answer: the offer expires at its deadline. */
        NO_RESPONSE
    }

    /**
     * The centre's answer to one offer.
     *
     * @param after how long after the offer (or the provisional yes) the answer came; ignored for
     *     {@code NO_RESPONSE}, and kept within the deadline otherwise
     * @param reason for {@code DECLINE}; null otherwise
     */
    public record Reply(Answer answer, Duration after, @Nullable DeclineReason reason) {}

    /** What happened, decided by the history's author. */
    public interface Script {
        /**
         * @param offered offers made before this one in the sequence
         */
        Reply reply(int offered);

        /** From acceptance to the transplant. */
        Duration transplantAfter();

        GraftFunction week1();

        GraftFunction month3();
    }

    /**
     * @param accepted the rank that accepted; 0 when the list ran out
     */
    public record Written(UUID sequenceId, int offers, int accepted) {}

    private final OfferRows rows;
    private final AllocationRuns runs;
    private final TransplantRequests requests;
    private final ListingCentres centres;
    private final OfferProperties policy = new OfferProperties(null);
    private final TransactionTemplate tx;

    public PastOffers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.rows = new OfferRows(jdbc);
        this.runs = new AllocationRuns(jdbc);
        this.requests = new TransplantRequests(jdbc);
        this.centres = ListingCentres.reading(jdbc);
        this.tx = new TransactionTemplate(transactions);
    }

    /** An open offer and when its answer comes. */
    private record Pending(OrganOffer offer, Reply reply, Instant due) {}

    /**
     * Writes the offering of the run's organ that {@code coordinator} started at {@code start}, in
     * one transaction.
     *
     * @throws IllegalArgumentException when an answer would lie after {@code now}: a history ends
     *     before the present
     */
    public Written write(
            AllocationRunId runId,
            AccountId coordinator,
            Instant start,
            Script script,
            Instant now) {
        AllocationRun run =
                runs.find(runId.value())
                        .orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (run.donationCaseId() == null) {
            throw new IllegalArgumentException("offers are made from a donation case's run");
        }
        return tx.execute(status -> play(run, coordinator.value(), start, script, now));
    }

    private Written play(
            AllocationRun run, UUID coordinator, Instant start, Script script, Instant now) {
        OfferSequence sequence =
                OfferSequence.started(run, policy.of(run.organ()), start, coordinator);
        if (!rows.insertIfNoneLive(sequence)) {
            throw new IllegalStateException("the run's organ is offered already: " + run.id());
        }
        List<UUID> order = runs.requestOrder(run);
        List<Pending> open = new ArrayList<>();
        Set<UUID> offered = new HashSet<>();
        int[] next = {0};
        int made = offerNext(sequence, order, next, offered, open, start, coordinator, script);
        Instant last = start;
        while (!open.isEmpty()) {
            Pending first = open.stream().min(Comparator.comparing(Pending::due)).orElseThrow();
            open.remove(first);
            Instant at = first.due();
            last = at;
            if (at.isAfter(now)) {
                throw new IllegalArgumentException("offer answered after now: " + at);
            }
            OrganOffer offer = rows.offer(first.offer().id()).orElseThrow();
            switch (first.reply().answer()) {
                case NO_RESPONSE ->
                        rows.update(
                                offer.answered(
                                        OfferStatus.EXPIRED,
                                        at,
                                        null,
                                        DeclineReason.NO_RESPONSE,
                                        null));
                case DECLINE ->
                        rows.update(
                                offer.answered(
                                        OfferStatus.DECLINED,
                                        at,
                                        coordinator,
                                        first.reply().reason(),
                                        null));
                case PROVISIONAL_THEN_ACCEPT -> {
                    // The offer holds until the provisional deadline; the acceptance is its next
                    // answer, and other open offers go on meanwhile.
                    rows.update(
                            offer.provisional(
                                    at,
                                    coordinator,
                                    at.plus(sequence.provisional()),
                                    "crossmatch under way"));
                    open.add(
                            new Pending(
                                    rows.offer(offer.id()).orElseThrow(),
                                    new Reply(Answer.ACCEPT, Duration.ZERO, null),
                                    at.plus(
                                            within(
                                                    first.reply().after(),
                                                    sequence.provisional()))));
                    continue;
                }
                case ACCEPT -> {
                    accept(sequence, offer, open, coordinator, at, script, now);
                    return new Written(sequence.id(), made, offer.rank());
                }
            }
            made += offerNext(sequence, order, next, offered, open, at, null, script);
        }
        rows.close(sequence, SequenceStatus.EXHAUSTED, last);
        return new Written(sequence.id(), made, 0);
    }

    /** Offers the next candidates still waiting at a centre, up to the sequence's number open. */
    private int offerNext(
            OfferSequence sequence,
            List<UUID> order,
            int[] next,
            Set<UUID> offered,
            List<Pending> open,
            Instant at,
            @Nullable UUID by,
            Script script) {
        int made = 0;
        while (next[0] < order.size() && open.size() < sequence.simultaneous()) {
            int rank = ++next[0];
            UUID request = order.get(rank - 1);
            if (offered.contains(request)) {
                continue;
            }
            Optional<OrganOffer> toMake =
                    sequence.offerTo(
                            requests.find(new RequestId(request)).orElse(null), rank, at, by);
            if (toMake.isEmpty()) {
                continue;
            }
            OrganOffer offer = toMake.get();
            rows.insert(offer);
            offered.add(request);
            Reply reply = script.reply(offered.size() - 1);
            Instant due =
                    reply.answer() == Answer.NO_RESPONSE
                            ? offer.respondBy()
                            : at.plus(within(reply.after(), sequence.response()));
            open.add(new Pending(offer, reply, due));
            made++;
        }
        return made;
    }

    private void accept(
            OfferSequence sequence,
            OrganOffer offer,
            List<Pending> open,
            UUID coordinator,
            Instant at,
            Script script,
            Instant now) {
        rows.update(offer.answered(OfferStatus.ACCEPTED, at, coordinator, null, offer.note()));
        for (Pending other : open) {
            OrganOffer still = rows.offer(other.offer().id()).orElseThrow();
            rows.update(still.answered(OfferStatus.WITHDRAWN, at, null, null, null));
        }
        rows.close(sequence, SequenceStatus.ACCEPTED, at);
        CurrentUser acting = new CurrentUser(coordinator, Role.ADMIN);
        RequestId request = new RequestId(offer.requestId());
        statusAt(at).markMatched(acting, request, ExpectedVersion.any());
        Instant transplanted = at.plus(script.transplantAfter());
        if (transplanted.isAfter(now)) {
            return;
        }
        rows.update(rows.offer(offer.id()).orElseThrow().transplanted(transplanted, coordinator));
        statusAt(transplanted).markTransplanted(acting, request, ExpectedVersion.any());
        Instant week = transplanted.plus(Duration.ofDays(7));
        if (week.isAfter(now)) {
            return;
        }
        Instant months = transplanted.plus(Duration.ofDays(90));
        boolean followedUp = !months.isAfter(now);
        rows.update(
                rows.offer(offer.id())
                        .orElseThrow()
                        .withOutcome(
                                new OrganOffer.Outcome(
                                        script.week1(),
                                        followedUp ? script.month3() : null,
                                        followedUp ? months : week,
                                        coordinator)));
    }

    /** A request's status changed at a past moment, as a coordinator would, telling no one. */
    private ChangingRequestStatus statusAt(Instant at) {
        return new ChangingRequestStatus(
                requests, centres, event -> {}, tx, Clock.fixed(at, ZoneOffset.UTC));
    }

    /** An answer comes before its deadline, at least a minute after the offer. */
    private static Duration within(Duration after, Duration deadline) {
        Duration latest = deadline.minusMinutes(1);
        Duration earliest = Duration.ofMinutes(1);
        return after.compareTo(earliest) < 0
                ? earliest
                : after.compareTo(latest) > 0 ? latest : after;
    }
}
