package org.ramsetu.platform.rankingruns;

/** Why a run was computed. */
public enum RunTrigger {
    /** A coordinator asked for it. */
    COORDINATOR,
    /** The re-scoring job, once scoring was back, for a degraded run. */
    RESCORING,
    /**
     * A re-processing batch after a model (or policy) change: the same record ranked again beside
     * its earlier run, for coordinators to compare; it proposes nothing (docs/reprocessing.md).
     */
    REPROCESSED
}
