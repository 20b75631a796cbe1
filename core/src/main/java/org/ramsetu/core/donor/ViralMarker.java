package org.ramsetu.core.donor;

/** Result of a viral marker or serology panel. */
public enum ViralMarker {
    NEGATIVE,
    POSITIVE,
    /** Reported on the form as not known: a real answer, scored per docs/domain.md. */
    UNKNOWN
}
