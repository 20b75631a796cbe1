package org.ramsetu.core.donor;

/** Ocular or systemic infection at recovery. */
public enum InfectionStatus {
    NONE,
    SUSPECTED,
    CONFIRMED
}
