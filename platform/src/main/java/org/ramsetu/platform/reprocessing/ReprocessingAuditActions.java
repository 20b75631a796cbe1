package org.ramsetu.platform.reprocessing;

/** The audited actions of re-processing; the audit viewer filters on these names. */
public final class ReprocessingAuditActions {

    /** A batch was asked for (a coordinator, the CLI) or started by the model watch. */
    public static final String BATCH_STARTED = "REPROCESSING_BATCH_STARTED";

    /** Audit target type. */
    public static final String BATCH = "reprocessing batch";

    private ReprocessingAuditActions() {}
}
