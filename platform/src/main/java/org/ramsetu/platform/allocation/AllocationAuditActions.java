package org.ramsetu.platform.allocation;

/** The audited actions of allocation; the audit viewer filters on these names. */
public final class AllocationAuditActions {

    public static final String ALLOCATION_RUN_CREATED = "ALLOCATION_RUN_CREATED";
    public static final String ALLOCATION_RUN_RESCORED = "ALLOCATION_RUN_RESCORED";
    public static final String ALLOCATION_RUN_RESCORING_SKIPPED =
            "ALLOCATION_RUN_RESCORING_SKIPPED";
    public static final String ALLOCATION_SIMULATED = "ALLOCATION_SIMULATED";

    /** Audit target type. */
    public static final String RUN = "allocation run";

    private AllocationAuditActions() {}
}
