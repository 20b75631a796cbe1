package org.ramsetu.core.donor;

/** Donor cardiac risk assessment. */
public enum CardiacRisk {
    GOOD,
    AVERAGE,
    POOR
}
