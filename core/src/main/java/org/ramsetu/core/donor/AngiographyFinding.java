package org.ramsetu.core.donor;

/** Coronary angiography summary. */
public enum AngiographyFinding {
    NO_BLOCKAGE,
    BLOCKAGE
}
