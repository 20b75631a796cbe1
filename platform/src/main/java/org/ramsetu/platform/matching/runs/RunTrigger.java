package org.ramsetu.platform.matching.runs;

/** Why a run was computed. */
public enum RunTrigger {
    /** A coordinator asked for it. */
    COORDINATOR,
    /** The re-scoring job, once scoring was back, for a degraded run. */
    RESCORING
}
