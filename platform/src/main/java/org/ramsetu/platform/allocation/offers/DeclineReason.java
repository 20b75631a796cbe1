package org.ramsetu.platform.allocation.offers;

import org.springframework.modulith.NamedInterface;

/**
 * Why an offer was declined, coded so that declines can be counted by reason (the reasons of
 * NHSBT's and OPTN's offer-decline reporting, grouped).
 */
@NamedInterface("offers")
public enum DeclineReason {
    /** The donor's age, history or the organ's function. */
    DONOR_QUALITY,
    /** Size or weight mismatch between donor and recipient. */
    DONOR_SIZE,
    /** The organ's condition or anatomy at recovery. */
    ORGAN_DAMAGE,
    POSITIVE_CROSSMATCH,
    /** The patient cannot be reached or is away. */
    PATIENT_UNAVAILABLE,
    /** The patient is too ill, or too well, for a transplant now. */
    PATIENT_UNFIT,
    /** The patient refused. */
    PATIENT_REFUSED,
    /** Transport, theatre or team not available in time. */
    LOGISTICS,
    OTHER,
    /** Set by the system when the deadline passes; a centre never answers with it. */
    NO_RESPONSE
}
