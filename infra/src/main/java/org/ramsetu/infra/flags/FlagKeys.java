package org.ramsetu.infra.flags;

/** The flags the code reads (seeded by V191__feature_flags.sql; docs/feature-flags.md). */
public final class FlagKeys {

    /**
     * String: the allocation policy version of a run, bucketed by pledge id; when it does not
     * answer, the configured {@code ramsetu.allocation.policy}.
     */
    public static final String ALLOCATION_POLICY_VERSION = "allocation.policy-version";

    /** Boolean: whether ML scores are served from the prediction cache. */
    public static final String PREDICTION_CACHE = "scoring.prediction-cache";

    /**
     * Boolean: whether match runs store their lists in the compact form (else gzip-compressed JSON,
     * the only form releases before 0.36 read). On once no such release will run again.
     */
    public static final String COMPACT_RUN_LISTS = "matching.compact-run-lists";

    private FlagKeys() {}
}
