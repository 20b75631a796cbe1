package org.ramsetu.platform.registry.common;

import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.NotFound;

/** Refusals of the registry worded for its records. */
public final class RegistryProblems {

    private RegistryProblems() {}

    /** The caller's own record that does not exist yet, saying how to create it. */
    public static NotFound notCreatedYet(String detail) {
        return NotFound.notCreatedYet(detail);
    }

    /** Naming the state that does not allow the action. */
    public static Conflict illegalTransition(TransitionRefused refused) {
        return new Conflict("illegal-transition", refused.getMessage());
    }
}
