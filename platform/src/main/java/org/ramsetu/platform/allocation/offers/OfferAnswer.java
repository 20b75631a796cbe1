package org.ramsetu.platform.allocation.offers;

/** What a centre answers to an offer. */
public enum OfferAnswer {
    ACCEPT,
    /** Yes, pending a crossmatch or an assessment: the offer gets the provisional deadline. */
    PROVISIONAL_YES,
    DECLINE
}
