package org.ramsetu.core.blood;

/** Rh(D) factor. Informational only: never an allocation criterion (DOMAIN.md). */
public enum Rh {
    POSITIVE,
    NEGATIVE
}
