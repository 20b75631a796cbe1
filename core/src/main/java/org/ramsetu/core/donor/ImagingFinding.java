package org.ramsetu.core.donor;

/** Organ imaging (ultrasound/CT) summary. */
public enum ImagingFinding {
    NORMAL,
    MINOR_ABNORMALITY,
    SIGNIFICANT_ABNORMALITY
}
