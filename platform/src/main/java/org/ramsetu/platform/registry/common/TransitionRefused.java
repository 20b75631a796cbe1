package org.ramsetu.platform.registry.common;

import java.util.Locale;

/**
 * An action that the life cycle of a record does not allow in its current state, e.g. verifying a
 * withdrawn pledge. Framework-free; the web layer answers it with 409 naming the current state.
 */
public class TransitionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Enum<?> current;
    private final Enum<?> action;

    public TransitionRefused(String kind, Enum<?> current, Enum<?> action) {
        super(
                "the "
                        + kind
                        + " is "
                        + current.name()
                        + ", so it cannot be "
                        + pastParticiple(action)
                        + " (action "
                        + action.name()
                        + ")");
        this.current = current;
        this.action = action;
    }

    public Enum<?> current() {
        return current;
    }

    public Enum<?> action() {
        return action;
    }

    private static String pastParticiple(Enum<?> action) {
        return action instanceof LifecycleAction named
                ? named.pastParticiple()
                : action.name().toLowerCase(Locale.ROOT);
    }

    /** An action that can say what it does in words, for messages. */
    public interface LifecycleAction {
        /** E.g. {@code verified}, {@code marked as donated}. */
        String pastParticiple();
    }
}
