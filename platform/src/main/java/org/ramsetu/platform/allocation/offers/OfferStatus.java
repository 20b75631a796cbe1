package org.ramsetu.platform.allocation.offers;

/** Where one offer of an organ to a candidate's centre stands. */
public enum OfferStatus {
    /** Awaiting the centre's answer until its deadline. */
    OFFERED,
    /** The centre said yes pending a crossmatch or an assessment, with a deadline of its own. */
    PROVISIONAL,
    /** The centre took the organ: the final acceptance, one per organ. */
    ACCEPTED,
    /** The centre declined, with a coded reason. */
    DECLINED,
    /** The deadline passed without an answer: declined as {@code NO_RESPONSE}. */
    EXPIRED,
    /** Another centre accepted while this offer was open. */
    WITHDRAWN;

    boolean open() {
        return this == OFFERED || this == PROVISIONAL;
    }
}
