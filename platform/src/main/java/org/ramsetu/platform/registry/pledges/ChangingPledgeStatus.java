package org.ramsetu.platform.registry.pledges;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.kernel.UndoWindow;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.ListingTransitions;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves pledges through their life cycle ({@link PledgeStateMachine}). Each change is one
 * transaction: the versioned update and what listens to {@link PledgeStatusChanged} (its audit
 * entry, the donor's e-mail). Of two concurrent changes of one pledge exactly one wins; the other
 * gets 409.
 */
@NamedInterface("pledges")
public class ChangingPledgeStatus {

    static final int MAX_REASON = 1000;

    private final Pledges pledges;
    private final RecordAccess access;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ChangingPledgeStatus(
            Pledges pledges,
            RecordAccess access,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.pledges = pledges;
        this.access = access;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** A coordinator verifies a pending pledge. */
    public PledgeView verify(CurrentUser coordinator, UUID id, ExpectedVersion expected) {
        return byCoordinator(coordinator, id, PledgeAction.VERIFY, null, expected);
    }

    /**
     * The coordinator who verified a pledge takes the verification back, within {@link
     * #UNDO_WINDOW} of it: the pledge is {@code PENDING} again, back in the queue, and the donor is
     * told. A match proposed from it meanwhile cannot be approved (only a verified pledge is
     * donated) and is declined as for a withdrawn pledge.
     *
     * @throws DomainException NotFound for an unknown pledge; Conflict when it is not {@code
     *     VERIFIED}, was verified by someone else ({@code undo-not-yours}) or longer ago than the
     *     window ({@code undo-expired}), or changed after the version the caller names
     */
    public PledgeView undoVerification(CurrentUser coordinator, UUID id, ExpectedVersion expected) {
        coordinator.requireCoordinator("undo a verification");
        return tx.execute(
                status -> {
                    Pledge current =
                            pledges.find(id)
                                    .orElseThrow(() -> new NotFound(ReadingPledges.KIND, id));
                    if (current.status() == PledgeStatus.VERIFIED) {
                        UndoWindow.check(
                                "verification",
                                current.statusChangedBy(),
                                current.statusChangedAt(),
                                coordinator.id(),
                                Sql.now(clock));
                    }
                    return apply(coordinator, current, PledgeAction.UNDO_VERIFY, null, expected);
                });
    }

    /**
     * A coordinator rejects a pending or verified pledge.
     *
     * @throws DomainException InvalidInput without a reason
     */
    public PledgeView reject(
            CurrentUser coordinator, UUID id, String reason, ExpectedVersion expected) {
        String checked = Fields.optionalText("reason", reason, MAX_REASON);
        if (checked == null) {
            throw InvalidInput.field(
                    "reason", "is required: the donor is told why their pledge was rejected");
        }
        return byCoordinator(coordinator, id, PledgeAction.REJECT, checked, expected);
    }

    /** The donor withdraws their pending or verified pledge (and their consent). */
    public PledgeView withdraw(CurrentUser donor, UUID id, ExpectedVersion expected) {
        return tx.execute(
                status ->
                        apply(
                                donor,
                                access.change(
                                        donor,
                                        ReadingPledges.KIND,
                                        id,
                                        pledges.find(id),
                                        Pledge::donorId),
                                PledgeAction.WITHDRAW,
                                null,
                                expected));
    }

    /**
     * For the matching workflow: the pledged organ of a verified pledge was used. Joins the
     * caller's transaction, so the pledge becomes {@code DONATED} exactly when the match that used
     * it commits.
     *
     * @throws DomainException NotFound for an unknown pledge, Conflict unless it is {@code
     *     VERIFIED} (or when it changed after the version the caller names)
     */
    public PledgeView markDonated(
            CurrentUser coordinator, PledgeId pledge, ExpectedVersion expected) {
        return byCoordinator(
                coordinator, pledge.value(), PledgeAction.MARK_DONATED, null, expected);
    }

    /**
     * For a donation case opened from a pledge: the donor has died, so none of their pledges may be
     * matched or allocated again as a living person's; the case allocates what is recovered. In the
     * caller's transaction, each open pledge of the donor is closed: a verified one becomes {@code
     * DONATED} (its consent is exercised through the case), a pending one {@code REJECTED} (never
     * checked, it consented to nothing used). Audited as any change; no mail is sent to the account
     * of someone who died (PledgeMails).
     *
     * @param reason why, naming the donation case (recorded as a rejection's reason, and in the
     *     audit entries)
     * @return the pledges closed, at most one per organ
     * @throws org.springframework.dao.OptimisticLockingFailureException when one of them changed
     *     concurrently (a withdrawal, say): the case is not opened, and a retry sees the change
     */
    public List<Pledge> closeOnDeath(CurrentUser coordinator, AccountId donor, String reason) {
        coordinator.requireCoordinator("close a donor's pledges");
        List<Pledge> closed = new ArrayList<>();
        for (Organ organ : Organ.values()) {
            pledges.findOpen(donor.value(), organ)
                    .ifPresent(
                            open ->
                                    closed.add(
                                            change(
                                                    coordinator,
                                                    open,
                                                    PledgeAction.CLOSE_ON_DEATH,
                                                    reason,
                                                    ExpectedVersion.of(null, open.version()))));
        }
        return closed;
    }

    private PledgeView byCoordinator(
            CurrentUser coordinator,
            UUID id,
            PledgeAction action,
            String reason,
            ExpectedVersion expected) {
        coordinator.requireCoordinator("change a pledge this way");
        return tx.execute(
                status ->
                        apply(
                                coordinator,
                                pledges.find(id)
                                        .orElseThrow(() -> new NotFound(ReadingPledges.KIND, id)),
                                action,
                                reason,
                                expected));
    }

    private PledgeView apply(
            CurrentUser actor,
            Pledge current,
            PledgeAction action,
            String reason,
            ExpectedVersion expected) {
        Pledge changed = change(actor, current, action, reason, expected);
        return PledgeView.of(pledges.findListing(changed.id()).orElseThrow());
    }

    private Pledge change(
            CurrentUser actor,
            Pledge current,
            PledgeAction action,
            String reason,
            ExpectedVersion expected) {
        Pledge changed =
                ListingTransitions.apply(
                        current,
                        expected,
                        PledgeStateMachine::next,
                        action,
                        next -> current.movedTo(next, reason, actor.id(), Sql.now(clock)),
                        pledges::update);
        events.publishEvent(
                new PledgeStatusChanged(changed, current.status(), actor, reason, action));
        return changed;
    }
}
