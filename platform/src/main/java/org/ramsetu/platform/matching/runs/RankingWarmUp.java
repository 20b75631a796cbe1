package org.ramsetu.platform.matching.runs;

import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.registry.ListingStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks one waiting request of each organ a few times once the process serves, and records nothing,
 * so that the JIT has compiled the ranking's hot paths before the first coordinators' runs: a fresh
 * instance otherwise answers its first runs of each organ two to three times slower (290 ms against
 * 90 ms for a kidney run over 100,000 donors, docs/PERFORMANCE.md), and a rollout restarts every
 * instance. It runs on a thread of its own, after readiness, one ranking at a time; its scoring
 * calls are counted under {@code run="warm-up"}, apart from real runs. A failure (the scoring
 * target down, an empty registry) only ends the warm-up early.
 */
final class RankingWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(RankingWarmUp.class);

    private final MatchCalculation calculation;
    private final ListingStatuses listings;
    private final int rounds;

    /**
     * @param calculation a calculation whose scoring is counted as the warm-up's
     */
    RankingWarmUp(MatchCalculation calculation, ListingStatuses listings, int rounds) {
        this.calculation = calculation;
        this.listings = listings;
        this.rounds = rounds;
    }

    void start() {
        if (rounds == 0) {
            return;
        }
        Thread warming = new Thread(this::run, "ranking-warm-up");
        warming.setDaemon(true);
        warming.start();
    }

    /**
     * @return how many rankings it computed
     */
    int run() {
        long started = System.nanoTime();
        int ranked = 0;
        try {
            for (Organ organ : Organ.values()) {
                var waiting = listings.anyWaiting(organ);
                if (waiting.isEmpty()) {
                    continue;
                }
                var request = calculation.request(waiting.get().value());
                for (int round = 0; round < rounds; round++) {
                    Calculation calc = calculation.calculate(request);
                    // the lists as a run would store them, written to nowhere
                    CompactRunLists.candidates(calc);
                    CompactRunLists.exclusions(calc.ranking().excluded());
                    ranked++;
                }
            }
            LOG.info(
                    "Ranking warmed up: {} rankings in {} ms",
                    ranked,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Ranking warm-up ended after {} rankings: {}", ranked, e.toString());
        }
        return ranked;
    }
}
