package org.ramsetu.platform.allocation.offers;

import org.springframework.modulith.NamedInterface;

/** How the transplanted organ works at a follow-up (one week, three months). */
@NamedInterface("offers")
public enum GraftFunction {
    /** Working without support. */
    FUNCTIONING,
    /** Working late, e.g. a kidney that needed dialysis in its first week. */
    DELAYED_FUNCTION,
    /** Never worked. */
    PRIMARY_NON_FUNCTION,
    /** Worked, then failed. */
    FAILED,
    /** The recipient died with the graft. */
    RECIPIENT_DIED
}
