package org.ramsetu.platform.donation;

/** Where a donation case stands: open while the donor is assessed, then organs recovered. */
public enum CaseStatus {
    OPEN,
    RECOVERED
}
