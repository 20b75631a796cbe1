package org.ramsetu.core.donor;

/** Categorical renal or liver function grade from the pledge form. */
public enum FunctionGrade {
    NORMAL,
    MILD_IMPAIRMENT,
    OTHER
}
