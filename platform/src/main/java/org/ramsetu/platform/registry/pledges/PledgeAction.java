package org.ramsetu.platform.registry.pledges;

import org.ramsetu.platform.registry.common.TransitionRefused;

/** What can happen to a pledge, and who does it. */
public enum PledgeAction implements TransitionRefused.LifecycleAction {
    /** A coordinator checked the pledge and its reports. */
    VERIFY("verified"),
    /**
     * The coordinator who verified the pledge takes it back, within minutes: it was the wrong
     * pledge, or a report was misread. It is checked again from the queue.
     */
    UNDO_VERIFY("verification undone"),
    /** A coordinator refused the pledge, with a reason. */
    REJECT("rejected"),
    /** The donor took back their consent. */
    WITHDRAW("withdrawn"),
    /** The organ was used (set by the matching workflow). */
    MARK_DONATED("marked as donated"),
    /**
     * The donor died and a coordinator opened a donation case from their pledge: the case, not the
     * pledge, allocates what is recovered (set by the donation case).
     */
    CLOSE_ON_DEATH("closed on the donor's death");

    private final String pastParticiple;

    PledgeAction(String pastParticiple) {
        this.pastParticiple = pastParticiple;
    }

    @Override
    public String pastParticiple() {
        return pastParticiple;
    }
}
