package org.ramsetu.platform.audit;

/** How an audited attempt ended. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    /** refused by a control: rate limit, authorization, a voided code */
    DENIED
}
