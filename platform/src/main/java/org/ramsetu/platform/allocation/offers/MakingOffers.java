package org.ramsetu.platform.allocation.offers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.WorkContext;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.allocation.OfferProperties;
import org.ramsetu.platform.allocation.runs.AllocationRun;
import org.ramsetu.platform.allocation.runs.AllocationRuns;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.donation.RecoveredOrgan;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.requests.ChangingRequestStatus;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.ramsetu.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers a recovered organ down an allocation run's list (docs/offers.md). Every change of a
 * sequence happens in one transaction that holds the sequence's row lock: a centre's answer, an
 * expiry and the escalation they cause never interleave, and the offer's deadline is durable work
 * scheduled in that same transaction ({@link #EXPIRY}), so it is neither lost nor doubled when a
 * worker dies.
 */
public class MakingOffers {

    /** The scheduled work that expires an offer at its deadline. */
    public static final String EXPIRY = "allocation.offer-expiry";

    static final int MAX_NOTE = 1000;

    /**
     * Offers due this close to now are expired: the scheduler's clock and ours may differ a bit.
     */
    private static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(MakingOffers.class);

    /**
     * One deadline of one offer: the offer's own ({@code OFFERED}) or its provisional yes's ({@code
     * PROVISIONAL}). Each is its own work instance, so a provisional yes never has to move a timer
     * that may already be running.
     */
    public record Expiry(UUID offerId, OfferStatus phase) {}

    private final OfferRows rows;
    private final AllocationRuns runs;
    private final RecoveredOrgans recovered;
    private final TransplantRequests requests;
    private final ChangingRequestStatus changing;
    private final ListingCentres centres;
    private final OfferProperties policy;
    private final @Nullable WorkScheduler scheduler;
    private final AuditLog audit;
    private final OfferMails mails;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OneTimeWork<Expiry> expiry;

    MakingOffers(
            OfferRows rows,
            AllocationRuns runs,
            RecoveredOrgans recovered,
            TransplantRequests requests,
            ChangingRequestStatus changing,
            ListingCentres centres,
            OfferProperties policy,
            @Nullable WorkScheduler scheduler,
            AuditLog audit,
            OfferMails mails,
            TransactionTemplate tx,
            Clock clock) {
        this.rows = rows;
        this.runs = runs;
        this.recovered = recovered;
        this.requests = requests;
        this.changing = changing;
        this.centres = centres;
        this.policy = policy;
        this.scheduler = scheduler;
        this.audit = audit;
        this.mails = mails;
        this.tx = tx;
        this.clock = clock;
        this.expiry = new OneTimeWork<>(EXPIRY, Expiry.class, this::expire);
    }

    public OneTimeWork<Expiry> expiryWork() {
        return expiry;
    }

    /**
     * A coordinator starts offering a donation case's recovered organ down the run's list: the
     * first candidates still waiting at a centre (as many as the organ's policy offers at once) get
     * an offer with the policy's deadline.
     *
     * @throws DomainException NotFound for an unknown run; Conflict for a pledge's run, for an
     *     organ the case no longer lists as recovered, for a case changed since the run, or while
     *     the organ is offered (or was placed) from this or another run of the case
     */
    public OfferSequenceView start(CurrentUser coordinator, UUID runId) {
        coordinator.requireCoordinator("offer an organ");
        WorkScheduler timers = timers();
        return tx.execute(
                status -> {
                    AllocationRun run =
                            runs.find(runId)
                                    .orElseThrow(() -> new NotFound("allocation run", runId));
                    if (run.donationCaseId() == null) {
                        throw new Conflict(
                                "not-a-case-run",
                                "offers are made for an organ a donation case recovered; this run"
                                        + " ranked a pledge");
                    }
                    // The case's row is locked: a recovery amended meanwhile waits for this start.
                    Optional<RecoveredOrgan> organNow =
                            recovered.lock(new DonationCaseId(run.donationCaseId()), run.organ());
                    if (!organNow.map(RecoveredOrgan::allocatable).orElse(false)) {
                        throw new Conflict(
                                "organ-not-recovered",
                                "the case no longer lists this "
                                        + run.organ()
                                        + " as recovered; correct the recovery or run allocation"
                                        + " again");
                    }
                    // A donor record corrected after the run may change who is eligible and in
                    // which order; runs an earlier release wrote do not know the version.
                    if (run.donationCaseVersion() != null
                            && organNow.get().caseVersion() != run.donationCaseVersion()) {
                        throw new Conflict(
                                "case-changed",
                                "the donation case changed after this run ranked the waiting list;"
                                        + " run allocation again and offer from the new run");
                    }
                    OfferProperties.OrganOffers organ = policy.of(run.organ());
                    Instant now = Sql.now(clock);
                    OfferSequence sequence =
                            OfferSequence.started(run, organ, now, coordinator.id());
                    if (!rows.insertIfNoneLive(sequence)) {
                        throw alreadyOffered(run);
                    }
                    audit.record(
                            AuditEntry.of(
                                            AllocationAuditActions.OFFERS_STARTED,
                                            AuditOutcome.SUCCESS)
                                    .by(coordinator.id(), coordinator.role())
                                    .on(AllocationAuditActions.SEQUENCE, sequence.id())
                                    .with(
                                            Map.of(
                                                    "allocationRunId", run.id().toString(),
                                                    "donationCaseId",
                                                            run.donationCaseId().toString(),
                                                    "organ", run.organ().name(),
                                                    "simultaneous", organ.simultaneous(),
                                                    "responseSeconds",
                                                            organ.response().toSeconds())));
                    // The row inserted above is this transaction's until it ends: no lock needed.
                    offerNext(
                            sequence, () -> runs.requestOrder(run), now, coordinator.id(), timers);
                    OfferSequence after = rows.sequence(sequence.id()).orElseThrow();
                    return OfferSequenceView.of(after, rows.offers(after.id()));
                });
    }

    private Conflict alreadyOffered(AllocationRun run) {
        return rows.ofRun(run.id())
                .map(
                        s ->
                                new Conflict(
                                        "offers-started",
                                        "offers were already made from this run ("
                                                + s.status()
                                                + "); see its offers"))
                .orElseGet(
                        () ->
                                new Conflict(
                                        "offers-under-way",
                                        "this case's "
                                                + run.organ()
                                                + " is being offered, or was placed, from another"
                                                + " run; a new offering starts only after that"
                                                + " one ran out"));
    }

    /**
     * A coordinator of the candidate's centre answers the offer: accept (the final acceptance:
     * every other open offer of the organ is withdrawn and the request becomes {@code MATCHED}),
     * provisional yes (the offer holds until the provisional deadline), or decline with a reason
     * (the next candidate is offered at once).
     *
     * @throws DomainException InvalidInput for a missing or unknown answer or reason; NotFound for
     *     an unknown offer; Forbidden for a coordinator of no centre or of another centre; Conflict
     *     once the offer was answered or its deadline passed
     */
    public OfferView answer(
            CurrentUser coordinator,
            UUID offerId,
            AnswerOfferRequest body,
            ExpectedVersion expected) {
        coordinator.requireCoordinator("answer an organ offer");
        OfferAnswer answer = Fields.requiredEnum("answer", body.answer(), OfferAnswer.class);
        DeclineReason reason = Fields.optionalEnum("reason", body.reason(), DeclineReason.class);
        if (answer == OfferAnswer.DECLINE && reason == null) {
            throw InvalidInput.field(
                    "reason", "is required with DECLINE: declines are reported by reason");
        }
        if (answer != OfferAnswer.DECLINE && reason != null) {
            throw InvalidInput.field("reason", "is only given with DECLINE");
        }
        if (reason == DeclineReason.NO_RESPONSE) {
            throw InvalidInput.field(
                    "reason", "NO_RESPONSE is recorded when the deadline passes; choose another");
        }
        String note = Fields.optionalText("note", body.note(), MAX_NOTE);
        TransplantCentreId centre = employer(coordinator, "answers its offers");
        WorkScheduler timers = timers();
        return tx.execute(
                status -> {
                    Locked locked = lockOwn(offerId, centre);
                    OfferSequence sequence = locked.sequence();
                    OrganOffer offer = locked.offer();
                    Instant now = Sql.now(clock);
                    boolean late =
                            offer.status() == OfferStatus.EXPIRED
                                    || (offer.status().open() && now.isAfter(offer.respondBy()));
                    if (late) {
                        throw new Conflict(
                                "offer-expired",
                                "the deadline passed at "
                                        + offer.respondBy()
                                        + "; the offer counts as declined for no response and the"
                                        + " next candidate is offered");
                    }
                    if (!offer.status().open()) {
                        throw new Conflict(
                                "offer-answered",
                                "this offer is " + offer.status() + " since " + offer.answeredAt());
                    }
                    if (answer == OfferAnswer.PROVISIONAL_YES
                            && offer.status() == OfferStatus.PROVISIONAL) {
                        throw new Conflict(
                                "already-provisional",
                                "this offer holds a provisional yes until "
                                        + offer.respondBy()
                                        + "; accept or decline it");
                    }
                    // After the state: a second answer learns why, not just that it is stale.
                    expected.check(offer.version());
                    switch (answer) {
                        case PROVISIONAL_YES -> {
                            OrganOffer held =
                                    offer.provisional(
                                            now,
                                            coordinator.id(),
                                            now.plus(sequence.provisional()),
                                            note);
                            rows.update(held);
                            schedule(timers, held);
                            timers.cancel(EXPIRY, instance(offer.id(), OfferStatus.OFFERED));
                        }
                        case ACCEPT -> accept(coordinator, sequence, offer, now, note, timers);
                        case DECLINE -> {
                            rows.update(
                                    offer.answered(
                                            OfferStatus.DECLINED,
                                            now,
                                            coordinator.id(),
                                            reason,
                                            note));
                            timers.cancel(EXPIRY, instance(offer.id(), offer.status()));
                        }
                    }
                    auditOffer(
                            AllocationAuditActions.OFFER_ANSWERED,
                            coordinator.id(),
                            sequence,
                            offer,
                            reason == null
                                    ? Map.of("answer", answer.name())
                                    : Map.of("answer", answer.name(), "reason", reason.name()));
                    if (answer == OfferAnswer.DECLINE) {
                        offerNext(sequence, () -> orderOf(sequence), now, null, timers);
                    }
                    return OfferView.of(
                            rows.sequence(sequence.id()).orElseThrow(),
                            rows.offer(offerId).orElseThrow());
                });
    }

    private void accept(
            CurrentUser coordinator,
            OfferSequence sequence,
            OrganOffer offer,
            Instant now,
            @Nullable String note,
            WorkScheduler timers) {
        OrganOffer accepted =
                offer.answered(OfferStatus.ACCEPTED, now, coordinator.id(), null, note);
        rows.update(accepted);
        timers.cancel(EXPIRY, instance(offer.id(), offer.status()));
        for (OrganOffer other : rows.offers(sequence.id())) {
            if (!other.id().equals(offer.id()) && other.status().open()) {
                rows.update(other.answered(OfferStatus.WITHDRAWN, now, null, null, other.note()));
                timers.cancel(EXPIRY, instance(other.id(), other.status()));
                mails.withdrawn(sequence, other);
                auditOffer(
                        AllocationAuditActions.OFFER_WITHDRAWN,
                        coordinator.id(),
                        sequence,
                        other,
                        Map.of());
            }
        }
        rows.close(sequence, SequenceStatus.ACCEPTED, now);
        mails.accepted(sequence, accepted);
        // The request leaves the waiting list in this transaction: Conflict (and nothing changes)
        // if it was removed or matched elsewhere since the offer was made.
        changing.markMatched(coordinator, new RequestId(offer.requestId()), ExpectedVersion.any());
    }

    /**
     * The accepting centre records that the transplant took place: the request becomes {@code
     * TRANSPLANTED}.
     *
     * @throws DomainException InvalidInput without a time or with one before the offer or in the
     *     future; NotFound; Forbidden for another centre; Conflict unless the offer was accepted,
     *     or once the transplant is recorded
     */
    public OfferView recordTransplant(
            CurrentUser coordinator,
            UUID offerId,
            TransplantRecordRequest body,
            ExpectedVersion expected) {
        coordinator.requireCoordinator("record a transplant");
        Instant at = Fields.required("transplantedAt", body.transplantedAt());
        TransplantCentreId centre = employer(coordinator, "records its transplants");
        return tx.execute(
                status -> {
                    Locked locked = lockOwn(offerId, centre);
                    OfferSequence sequence = locked.sequence();
                    OrganOffer offer = locked.offer();
                    expected.check(offer.version());
                    if (offer.status() != OfferStatus.ACCEPTED) {
                        throw new Conflict(
                                "offer-not-accepted",
                                "a transplant is recorded for an accepted offer; this one is "
                                        + offer.status());
                    }
                    if (offer.transplantedAt() != null) {
                        throw new Conflict(
                                "transplant-recorded",
                                "the transplant was recorded for " + offer.transplantedAt());
                    }
                    Instant now = Sql.now(clock);
                    if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
                        throw InvalidInput.field("transplantedAt", "must not be in the future");
                    }
                    if (at.isBefore(offer.offeredAt())) {
                        throw InvalidInput.field(
                                "transplantedAt",
                                "must not be before the offer (" + offer.offeredAt() + ")");
                    }
                    rows.update(offer.transplanted(at, coordinator.id()));
                    changing.markTransplanted(
                            coordinator, new RequestId(offer.requestId()), ExpectedVersion.any());
                    auditOffer(
                            AllocationAuditActions.TRANSPLANT_RECORDED,
                            coordinator.id(),
                            sequence,
                            offer,
                            Map.of("transplantedAt", at.toString()));
                    return OfferView.of(sequence, rows.offer(offerId).orElseThrow());
                });
    }

    /**
     * The transplanting centre records the graft's function at one week and at three months, each
     * when known; a field left out keeps what was recorded.
     *
     * @throws DomainException InvalidInput for an unknown value or with neither; NotFound;
     *     Forbidden for another centre; Conflict before the transplant is recorded
     */
    public OfferView recordOutcome(
            CurrentUser coordinator,
            UUID offerId,
            TransplantOutcomeRequest body,
            ExpectedVersion expected) {
        coordinator.requireCoordinator("record a transplant's outcome");
        GraftFunction week1 =
                Fields.optionalEnum("graftWeek1", body.graftWeek1(), GraftFunction.class);
        GraftFunction month3 =
                Fields.optionalEnum("graftMonth3", body.graftMonth3(), GraftFunction.class);
        if (week1 == null && month3 == null) {
            throw InvalidInput.field(
                    "graftWeek1", "give the graft function at one week, at three months, or both");
        }
        TransplantCentreId centre = employer(coordinator, "records its transplants' outcomes");
        return tx.execute(
                status -> {
                    Locked locked = lockOwn(offerId, centre);
                    OrganOffer offer = locked.offer();
                    expected.check(offer.version());
                    if (offer.transplantedAt() == null) {
                        throw new Conflict(
                                "transplant-not-recorded",
                                "an outcome follows a recorded transplant; record the transplant"
                                        + " first");
                    }
                    OrganOffer.Outcome before = offer.outcome();
                    OrganOffer.Outcome now =
                            new OrganOffer.Outcome(
                                    week1 != null ? week1 : before == null ? null : before.week1(),
                                    month3 != null
                                            ? month3
                                            : before == null ? null : before.month3(),
                                    Sql.now(clock),
                                    coordinator.id());
                    rows.update(offer.withOutcome(now));
                    Map<String, Object> graft = new HashMap<>();
                    if (now.week1() != null) {
                        graft.put("graftWeek1", now.week1().name());
                    }
                    if (now.month3() != null) {
                        graft.put("graftMonth3", now.month3().name());
                    }
                    auditOffer(
                            AllocationAuditActions.TRANSPLANT_OUTCOME_RECORDED,
                            coordinator.id(),
                            locked.sequence(),
                            offer,
                            graft);
                    return OfferView.of(locked.sequence(), rows.offer(offerId).orElseThrow());
                });
    }

    /**
     * The work body at an offer's deadline: an offer still unanswered in that phase is declined as
     * {@code NO_RESPONSE} and the next candidate offered, exactly once however often the body runs
     * (a worker killed half-way runs it again elsewhere).
     */
    void expire(Expiry due, WorkContext context) {
        context.effectOnce("expire", "expired", () -> expireNow(due));
    }

    private void expireNow(Expiry due) {
        WorkScheduler timers = timers();
        tx.executeWithoutResult(
                status -> {
                    OrganOffer read = rows.offer(due.offerId()).orElse(null);
                    if (read == null) {
                        return;
                    }
                    OfferSequence sequence = rows.lock(read.sequenceId());
                    OrganOffer offer = rows.offer(due.offerId()).orElseThrow();
                    if (offer.status() != due.phase()) {
                        return; // answered in time, or this phase's deadline was superseded
                    }
                    Instant now = Sql.now(clock);
                    if (offer.respondBy().isAfter(now.plus(CLOCK_TOLERANCE))) {
                        // Retried by the scheduler; never expire an offer early.
                        throw new IllegalStateException(
                                "offer " + offer.id() + " is due at " + offer.respondBy());
                    }
                    OrganOffer expired =
                            offer.answered(
                                    OfferStatus.EXPIRED,
                                    now,
                                    null,
                                    DeclineReason.NO_RESPONSE,
                                    null);
                    rows.update(expired);
                    mails.expired(sequence, expired);
                    auditOffer(
                            AllocationAuditActions.OFFER_EXPIRED,
                            null,
                            sequence,
                            offer,
                            Map.of(
                                    "phase", due.phase().name(),
                                    "respondBy", offer.respondBy().toString()));
                    log.info(
                            "offer {} of sequence {} expired without an answer; escalating",
                            offer.id(),
                            sequence.id());
                    offerNext(sequence, () -> orderOf(sequence), now, null, timers);
                });
    }

    /**
     * Tops the sequence up to its number of open offers with the next candidates of the run that
     * are still waiting at a centre, below the last one offered (a candidate passed over because it
     * no longer waited is not gone back to). With none left and none open, the sequence is
     * exhausted. The caller holds the sequence lock.
     */
    private void offerNext(
            OfferSequence sequence,
            Supplier<List<UUID>> runOrder,
            Instant now,
            @Nullable UUID by,
            WorkScheduler timers) {
        if (sequence.status() != SequenceStatus.OPEN) {
            return;
        }
        List<OrganOffer> offers = rows.offers(sequence.id());
        long open = offers.stream().filter(o -> o.status().open()).count();
        int lastRank = offers.stream().mapToInt(OrganOffer::rank).max().orElse(0);
        Set<UUID> offered = new HashSet<>();
        offers.forEach(o -> offered.add(o.requestId()));
        if (open >= sequence.simultaneous()) {
            return; // enough offers out: the run's list is not read
        }
        List<UUID> order = runOrder.get();
        for (int i = lastRank; i < order.size() && open < sequence.simultaneous(); i++) {
            UUID request = order.get(i);
            if (offered.contains(request)) {
                continue;
            }
            Optional<OrganOffer> made =
                    sequence.offerTo(
                            requests.find(new RequestId(request)).orElse(null), i + 1, now, by);
            if (made.isEmpty()) {
                continue;
            }
            OrganOffer offer = made.get();
            rows.insert(offer);
            schedule(timers, offer);
            mails.offered(sequence, offer);
            auditOffer(
                    AllocationAuditActions.OFFER_MADE,
                    by,
                    sequence,
                    offer,
                    Map.of("respondBy", offer.respondBy().toString(), "escalated", by == null));
            open++;
        }
        if (open == 0) {
            rows.close(sequence, SequenceStatus.EXHAUSTED, now);
            mails.exhausted(sequence);
            audit.record(
                    AuditEntry.of(AllocationAuditActions.OFFERS_EXHAUSTED, AuditOutcome.SUCCESS)
                            .on(AllocationAuditActions.SEQUENCE, sequence.id())
                            .with(
                                    Map.of(
                                            "allocationRunId", sequence.runId().toString(),
                                            "offers", offers.size())));
        }
    }

    private void schedule(WorkScheduler timers, OrganOffer offer) {
        timers.schedule(
                expiry,
                instance(offer.id(), offer.status()),
                new Expiry(offer.id(), offer.status()),
                offer.respondBy());
    }

    private static String instance(UUID offerId, OfferStatus phase) {
        return offerId + "-" + phase.name().toLowerCase();
    }

    private WorkScheduler timers() {
        if (scheduler == null) {
            throw new IllegalStateException(
                    "offers need the cluster scheduler for their deadlines; this target has none");
        }
        return scheduler;
    }

    private TransplantCentreId employer(CurrentUser coordinator, String what) {
        return centres.employerOf(new AccountId(coordinator.id()))
                .orElseThrow(
                        () ->
                                new Forbidden(
                                        "not-a-centre-coordinator",
                                        "only a coordinator of the candidate's centre "
                                                + what
                                                + "; you work for no centre"));
    }

    /** An offer read again under its sequence's lock. */
    private record Locked(OfferSequence sequence, OrganOffer offer) {}

    /**
     * Locks the offer's sequence and reads the offer under the lock, for a coordinator of the
     * offer's centre.
     *
     * @throws DomainException NotFound for an unknown offer, Forbidden for another centre's
     */
    private Locked lockOwn(UUID offerId, TransplantCentreId centre) {
        OrganOffer read =
                rows.offer(offerId)
                        .orElseThrow(() -> new NotFound(AllocationAuditActions.OFFER, offerId));
        OfferSequence sequence = rows.lock(read.sequenceId());
        OrganOffer offer = rows.offer(offerId).orElseThrow();
        if (!offer.centreId().equals(centre.value())) {
            throw new Forbidden(
                    "another-centre",
                    "this offer was made to another centre; only its coordinators answer it");
        }
        return new Locked(sequence, offer);
    }

    /** The run's ranked requests, read from the stored run. */
    private List<UUID> orderOf(OfferSequence sequence) {
        return runs.requestOrder(runs.find(sequence.runId()).orElseThrow());
    }

    /** One audit row about one offer: its sequence, organ, rank, request and centre, and more. */
    private void auditOffer(
            String action,
            @Nullable UUID coordinator,
            OfferSequence sequence,
            OrganOffer offer,
            Map<String, ?> more) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("sequenceId", sequence.id().toString());
        detail.put("organ", sequence.organ().name());
        detail.put("rank", offer.rank());
        detail.put("requestId", offer.requestId().toString());
        detail.put("centreId", offer.centreId().toString());
        detail.putAll(more);
        AuditEntry entry =
                AuditEntry.of(action, AuditOutcome.SUCCESS)
                        .on(AllocationAuditActions.OFFER, offer.id())
                        .with(detail);
        // Only coordinators act on offers; null is the system (an expiry, an escalation).
        audit.record(coordinator == null ? entry : entry.by(coordinator, Role.ADMIN));
    }
}
