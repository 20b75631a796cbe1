package org.ramsetu.platform.allocation;

/** The audited actions of allocation; the audit viewer filters on these names. */
public final class AllocationAuditActions {

    public static final String ALLOCATION_RUN_CREATED = "ALLOCATION_RUN_CREATED";
    public static final String ALLOCATION_RUN_RESCORED = "ALLOCATION_RUN_RESCORED";
    public static final String ALLOCATION_RUN_RESCORING_SKIPPED =
            "ALLOCATION_RUN_RESCORING_SKIPPED";
    public static final String ALLOCATION_SIMULATED = "ALLOCATION_SIMULATED";
    public static final String OFFERS_STARTED = "OFFERS_STARTED";
    public static final String OFFER_MADE = "OFFER_MADE";
    public static final String OFFER_ANSWERED = "OFFER_ANSWERED";
    public static final String OFFER_EXPIRED = "OFFER_EXPIRED";
    public static final String OFFER_WITHDRAWN = "OFFER_WITHDRAWN";
    public static final String OFFERS_EXHAUSTED = "OFFERS_EXHAUSTED";
    public static final String TRANSPLANT_RECORDED = "TRANSPLANT_RECORDED";
    public static final String TRANSPLANT_OUTCOME_RECORDED = "TRANSPLANT_OUTCOME_RECORDED";

    /** Audit target type. */
    public static final String RUN = "allocation run";

    /** Audit target type of one offer to a centre. */
    public static final String OFFER = "organ offer";

    /** Audit target type of the offering of an organ from one run. */
    public static final String SEQUENCE = "offer sequence";

    private AllocationAuditActions() {}
}
