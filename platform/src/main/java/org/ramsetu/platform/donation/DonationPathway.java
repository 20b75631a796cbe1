package org.ramsetu.platform.donation;

/**
 * How death was determined: donation after brain death (DBD) or after circulatory death (DCD). A
 * DCD kidney has a longer warm ischaemia, which KDRI counts.
 */
public enum DonationPathway {
    DBD,
    DCD
}
