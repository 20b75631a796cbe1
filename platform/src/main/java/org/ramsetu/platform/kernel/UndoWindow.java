package org.ramsetu.platform.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How long, and by whom, a coordinator's review decision (a pledge verified, a document verified or
 * rejected) can be taken back: by the coordinator who made it, within ten minutes. Long enough to
 * notice the wrong row was acted on, and short enough that nothing else has come to rest on the
 * decision; after it, the record's ordinary transitions (a rejection, a new upload) correct it, for
 * everyone to see.
 */
public final class UndoWindow {

    public static final Duration LENGTH = Duration.ofMinutes(10);

    private UndoWindow() {}

    /**
     * @param what the decision, for the refusal ("verification", "review")
     * @param decidedBy who made the decision
     * @param decidedAt when
     * @param undoing the account asking to undo it
     * @throws Conflict {@code undo-not-yours} when someone else made it, {@code undo-expired} when
     *     it is older than {@link #LENGTH}
     */
    public static void check(
            String what, UUID decidedBy, Instant decidedAt, UUID undoing, Instant now) {
        if (!undoing.equals(decidedBy)) {
            throw new Conflict(
                    "undo-not-yours",
                    "only the coordinator who made this "
                            + what
                            + " can undo it; a colleague corrects it with the record's own actions");
        }
        if (decidedAt.plus(LENGTH).isBefore(now)) {
            throw new Conflict(
                    "undo-expired",
                    "this "
                            + what
                            + " is more than "
                            + LENGTH.toMinutes()
                            + " minutes old and can no longer be undone; correct it with the"
                            + " record's own actions");
        }
    }
}
