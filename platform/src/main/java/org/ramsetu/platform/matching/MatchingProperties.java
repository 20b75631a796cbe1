package org.ramsetu.platform.matching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the matching workflow ({@code ramsetu.matching.*}); docs/matching-workflow.md lists
 * them. Transport assumptions and ranking weights are the clinical core's documented defaults and
 * are stored with every run.
 *
 * @param proposals how many of the best candidates of a run become {@code PROPOSED} matches
 * @param scoringBatchSize candidates per scoring call (the scoring target refuses more than its
 *     {@code max-candidates}, 20,000 by default)
 * @param responseCandidates candidates and exclusions shown in a run's response unless the caller
 *     asks for more ({@code ?candidates=}, {@code ?excluded=}); the stored run keeps all
 * @param heartWeightTolerance accepted donor/recipient weight difference for hearts (0.20–0.30)
 * @param rescoringAttempts deliveries of a re-scoring job before it is dead (the scoring target
 *     stays down)
 * @param rescoringBackoff first wait between re-scoring attempts (doubled each time, with jitter)
 * @param rescoringMaxBackoff the longest wait between re-scoring attempts
 * @param concurrentRuns match and allocation runs computed at once by one instance (a bulkhead:
 *     each holds a database connection and a core for up to seconds)
 * @param runSlotWait how long a run beyond that waits for a slot before it is answered 503
 * @param warmUpRounds how often an instance that serves the API ranks one waiting request of each
 *     organ once it is ready, recording nothing, so that the first coordinators' runs do not pay
 *     for the JIT compiling the ranking; 0 turns the warm-up off
 */
@ConfigurationProperties("ramsetu.matching")
public record MatchingProperties(
        @DefaultValue("5") int proposals,
        @DefaultValue("5000") int scoringBatchSize,
        @DefaultValue("100") int responseCandidates,
        @DefaultValue(MatchingProperties.DEFAULT_HEART_WEIGHT_TOLERANCE)
                double heartWeightTolerance,
        @DefaultValue("40") int rescoringAttempts,
        @DefaultValue("2s") Duration rescoringBackoff,
        @DefaultValue("1m") Duration rescoringMaxBackoff,
        @DefaultValue("4") int concurrentRuns,
        @DefaultValue("30s") Duration runSlotWait,
        @DefaultValue("10") int warmUpRounds) {

    /** Hearts: the donor's weight within 30 % of the recipient's unless configured otherwise. */
    public static final String DEFAULT_HEART_WEIGHT_TOLERANCE = "0.30";

    public MatchingProperties {
        if (proposals < 1 || proposals > 50) {
            throw new IllegalArgumentException("ramsetu.matching.proposals must be 1 to 50");
        }
        if (scoringBatchSize < 1) {
            throw new IllegalArgumentException(
                    "ramsetu.matching.scoring-batch-size must be at least 1");
        }
        if (responseCandidates < 0) {
            throw new IllegalArgumentException(
                    "ramsetu.matching.response-candidates must be zero or more");
        }
        if (concurrentRuns < 1) {
            throw new IllegalArgumentException(
                    "ramsetu.matching.concurrent-runs must be at least 1");
        }
        if (runSlotWait.isNegative()) {
            throw new IllegalArgumentException(
                    "ramsetu.matching.run-slot-wait must not be negative");
        }
        if (warmUpRounds < 0) {
            throw new IllegalArgumentException(
                    "ramsetu.matching.warm-up-rounds must be zero or more");
        }
        if (rescoringAttempts < 1) {
            throw new IllegalArgumentException(
                    "ramsetu.matching.rescoring-attempts must be at least 1");
        }
    }
}
