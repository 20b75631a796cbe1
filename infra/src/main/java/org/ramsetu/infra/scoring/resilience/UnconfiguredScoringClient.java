package org.ramsetu.infra.scoring.resilience;

import java.util.List;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringUnavailableException;

/**
 * A split target started without {@code RAMSETU_SCORING_URL}: every call is unavailable, so match
 * runs are ranked on the clinical policy alone and marked degraded with this reason, rather than
 * the target refusing to start.
 */
final class UnconfiguredScoringClient implements ScoringClient {

    static final String REASON =
            "no scoring service is configured on this target: set RAMSETU_SCORING_URL to the"
                    + " scoring target, e.g. http://scoring:8081";

    @Override
    public RankResponse rank(String organ, RankRequest request) {
        throw new ScoringUnavailableException(
                REASON, ScoringUnavailableException.Reason.NOT_CONFIGURED, null);
    }

    @Override
    public ScoreResponse score(String organ, ScoreRequest request) {
        throw new ScoringUnavailableException(
                REASON, ScoringUnavailableException.Reason.NOT_CONFIGURED, null);
    }

    @Override
    public List<ModelSummary> models() {
        throw new ScoringUnavailableException(
                REASON, ScoringUnavailableException.Reason.NOT_CONFIGURED, null);
    }
}
