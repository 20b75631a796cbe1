package org.ramsetu.infra.scoring;

import java.util.List;

/**
 * Scoring where there is no model server to ask: every call is unavailable with one reason, so runs
 * are ranked on the clinical policy alone and marked degraded with it, rather than the caller
 * refusing to start. A split target started without {@code RAMSETU_SCORING_URL} uses {@link
 * #unconfigured()}; {@code ramsetu demo}'s past runs use their own reason.
 */
public final class UnavailableScoringClient implements ScoringClient {

    static final String UNCONFIGURED =
            "no scoring service is configured on this target: set RAMSETU_SCORING_URL to the"
                    + " scoring target, e.g. http://scoring:8081";

    private final String reason;

    /**
     * @param reason why nothing is scored, as the degraded runs will say
     */
    public UnavailableScoringClient(String reason) {
        this.reason = reason;
    }

    /** A split target started without {@code RAMSETU_SCORING_URL}. */
    public static UnavailableScoringClient unconfigured() {
        return new UnavailableScoringClient(UNCONFIGURED);
    }

    @Override
    public RankResponse rank(String organ, RankRequest request) {
        throw unavailable();
    }

    @Override
    public ScoreResponse score(String organ, ScoreRequest request) {
        throw unavailable();
    }

    @Override
    public List<ModelSummary> models() {
        throw unavailable();
    }

    private ScoringUnavailableException unavailable() {
        return new ScoringUnavailableException(
                reason, ScoringUnavailableException.Reason.NOT_CONFIGURED, null);
    }
}
