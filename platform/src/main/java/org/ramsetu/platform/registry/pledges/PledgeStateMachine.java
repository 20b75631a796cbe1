package org.ramsetu.platform.registry.pledges;

import java.util.EnumSet;
import java.util.Set;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.registry.common.TransitionRefused;
import org.ramsetu.platform.registry.common.TransitionTable;

/**
 * The life cycle of a pledge (docs/domain.md): {@code PENDING → VERIFIED → DONATED}; {@code
 * VERIFIED → PENDING} when the verifying coordinator undoes it within minutes ({@link
 * ChangingPledgeStatus#undoVerification}); {@code PENDING|VERIFIED → REJECTED} by a coordinator;
 * {@code PENDING|VERIFIED → WITHDRAWN} by the donor; when a donation case is opened from a pledge
 * (the donor died) {@code VERIFIED → DONATED} and {@code PENDING → REJECTED} for each of the
 * donor's pledges. {@code REJECTED}, {@code DONATED} and {@code WITHDRAWN} are final. Only a
 * verified pledge can be donated: an unchecked pledge is never used.
 */
public final class PledgeStateMachine {

    /** Pledges that still count: at most one per donor and organ. */
    public static final Set<PledgeStatus> OPEN =
            EnumSet.of(PledgeStatus.PENDING, PledgeStatus.VERIFIED);

    private static final TransitionTable<PledgeStatus, PledgeAction> TABLE =
            TransitionTable.of("pledge", PledgeStatus.class, PledgeAction.class)
                    .allow(PledgeStatus.PENDING, PledgeAction.VERIFY, PledgeStatus.VERIFIED)
                    .allow(PledgeStatus.PENDING, PledgeAction.REJECT, PledgeStatus.REJECTED)
                    .allow(PledgeStatus.PENDING, PledgeAction.WITHDRAW, PledgeStatus.WITHDRAWN)
                    .allow(PledgeStatus.VERIFIED, PledgeAction.UNDO_VERIFY, PledgeStatus.PENDING)
                    .allow(PledgeStatus.VERIFIED, PledgeAction.REJECT, PledgeStatus.REJECTED)
                    .allow(PledgeStatus.VERIFIED, PledgeAction.WITHDRAW, PledgeStatus.WITHDRAWN)
                    .allow(PledgeStatus.VERIFIED, PledgeAction.MARK_DONATED, PledgeStatus.DONATED)
                    // A verified pledge's consent is exercised through the donation case; a
                    // pending one was never checked and so never consented to anything used.
                    .allow(PledgeStatus.VERIFIED, PledgeAction.CLOSE_ON_DEATH, PledgeStatus.DONATED)
                    .allow(
                            PledgeStatus.PENDING,
                            PledgeAction.CLOSE_ON_DEATH,
                            PledgeStatus.REJECTED);

    private PledgeStateMachine() {}

    /**
     * @throws TransitionRefused when the pledge's status does not allow the action
     */
    public static PledgeStatus next(PledgeStatus current, PledgeAction action) {
        return TABLE.next(current, action);
    }
}
