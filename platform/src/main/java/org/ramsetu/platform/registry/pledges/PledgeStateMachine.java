package org.ramsetu.platform.registry.pledges;

import java.util.EnumSet;
import java.util.Set;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.registry.common.TransitionRefused;
import org.ramsetu.platform.registry.common.TransitionTable;

/**
 * The life cycle of a pledge (docs/domain.md): {@code PENDING → VERIFIED → DONATED}; {@code
 * PENDING|VERIFIED → REJECTED} by a coordinator; {@code PENDING|VERIFIED → WITHDRAWN} by the donor.
 * {@code REJECTED}, {@code DONATED} and {@code WITHDRAWN} are final. Only a verified pledge can be
 * donated: an unchecked pledge is never used.
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
                    .allow(PledgeStatus.VERIFIED, PledgeAction.REJECT, PledgeStatus.REJECTED)
                    .allow(PledgeStatus.VERIFIED, PledgeAction.WITHDRAW, PledgeStatus.WITHDRAWN)
                    .allow(PledgeStatus.VERIFIED, PledgeAction.MARK_DONATED, PledgeStatus.DONATED);

    private PledgeStateMachine() {}

    /**
     * @throws TransitionRefused when the pledge's status does not allow the action
     */
    public static PledgeStatus next(PledgeStatus current, PledgeAction action) {
        return TABLE.next(current, action);
    }
}
