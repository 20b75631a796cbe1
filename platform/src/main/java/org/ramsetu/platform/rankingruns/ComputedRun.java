package org.ramsetu.platform.rankingruns;

/**
 * A ranking run computed but not yet recorded, as the kernel sees it whichever side ranked: whether
 * scoring failed (the run is then ordered by the clinical rules alone) and why.
 */
public interface ComputedRun {

    /** Whether the ML score could not be used, so the run is degraded. */
    boolean degraded();

    /** Why scoring failed; null unless {@link #degraded()}. */
    String degradedCause();
}
