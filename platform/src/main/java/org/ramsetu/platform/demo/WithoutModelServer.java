package org.ramsetu.platform.demo;

import java.util.List;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringUnavailableException;

/**
 * The demo's past allocation runs have no model server to ask: {@code ramsetu demo} loads the
 * database alone. They are ranked on the clinical policy, marked degraded with this reason, as a
 * live run is when scoring is down.
 */
final class WithoutModelServer implements ScoringClient {

    static final String REASON =
            "demo history: ramsetu demo ranked this past run without a model server, on the"
                    + " clinical policy alone";

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

    private static ScoringUnavailableException unavailable() {
        return new ScoringUnavailableException(
                REASON, ScoringUnavailableException.Reason.NOT_CONFIGURED, null);
    }
}
