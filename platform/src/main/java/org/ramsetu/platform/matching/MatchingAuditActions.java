package org.ramsetu.platform.matching;

/** The audited actions of the matching workflow; the audit viewer filters on these names. */
public final class MatchingAuditActions {

    public static final String MATCH_RUN_CREATED = "MATCH_RUN_CREATED";
    public static final String MATCH_RUN_RESCORED = "MATCH_RUN_RESCORED";
    public static final String MATCH_RUN_RESCORING_SKIPPED = "MATCH_RUN_RESCORING_SKIPPED";
    public static final String MATCH_PROPOSALS_ADDED = "MATCH_PROPOSALS_ADDED";
    public static final String MATCH_APPROVED = "MATCH_APPROVED";
    public static final String MATCH_DECLINED = "MATCH_DECLINED";

    /** Audit target types. */
    public static final String RUN = "match run";

    public static final String MATCH = "match";

    private MatchingAuditActions() {}
}
