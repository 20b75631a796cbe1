package org.ramsetu.platform.matching.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.RankedCandidate;
import org.ramsetu.core.ranking.RankingResult;
import org.ramsetu.platform.rankingruns.ComputedRun;
import org.ramsetu.platform.registry.pledges.VerifiedPledge;

/**
 * A run computed but not yet recorded: the ranking, why it is degraded (if it is), and what the
 * record needs about each candidate.
 *
 * @param pool the verified pledges behind the proposals, by pledge id (versions, donor accounts)
 * @param counted the pledges of the organ neither ranked nor listed as excluded, by reason
 * @param contributions the model's per-feature reasons for the proposed candidates
 */
record Calculation(
        RequestFacts facts,
        Instant asOf,
        RankingResult ranking,
        String degradedCause,
        Map<String, VerifiedPledge> pool,
        Map<String, Integer> counted,
        Map<CandidateId, Map<String, Double>> contributions,
        RunSettings settings,
        long durationMillis)
        implements ComputedRun {

    @Override
    public boolean degraded() {
        return ranking.degraded();
    }

    /** The best candidates, at most {@code settings().proposals()}. */
    List<RankedCandidate> proposed() {
        List<RankedCandidate> ranked = ranking.ranked();
        return ranked.subList(0, Math.min(ranked.size(), settings.proposals()));
    }
}
