package org.ramsetu.core.blood;

/** Rh(D) factor. Informational only: never an allocation criterion (docs/domain.md). */
public enum Rh {
    POSITIVE,
    NEGATIVE
}
