package org.ramsetu.core.scores;

/** Sex as recorded for clinical formulas (MELD 3.0, predicted heart mass). */
public enum Sex {
    FEMALE,
    MALE
}
