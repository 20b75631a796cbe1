package org.ramsetu.platform.allocation.offers;

/** Where the offering of one organ stands. */
public enum SequenceStatus {
    /** Offers are out, or will be made as answers come in. */
    OPEN,
    /** A centre accepted the organ. */
    ACCEPTED,
    /** Every candidate on the run's list was offered and none accepted. */
    EXHAUSTED
}
