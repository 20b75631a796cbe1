package org.ramsetu.core.hla;

/** The three loci used for deceased-donor kidney matching. */
public enum HlaLocus {
    A,
    B,
    DR
}
