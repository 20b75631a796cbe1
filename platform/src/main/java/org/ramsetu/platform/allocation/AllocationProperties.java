package org.ramsetu.platform.allocation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of allocation ({@code ramsetu.allocation.*}); docs/allocation.md lists them.
 *
 * @param policy the active policy version, e.g. {@code allocation/ramsetu-2026-1}; new runs use it,
 *     existing runs keep the policy they recorded
 * @param scoringBatchSize candidates per scoring call (the scoring target refuses more than its
 *     {@code max-candidates}, 20,000 by default)
 * @param responseCandidates ranked and excluded requests shown in a run's response unless the
 *     caller asks for more ({@code ?candidates=}, {@code ?excluded=}); the stored run keeps all
 * @param rescoringAttempts deliveries of a re-scoring job before it is dead
 * @param rescoringBackoff first wait between re-scoring attempts (doubled each time, with jitter)
 * @param rescoringMaxBackoff the longest wait between re-scoring attempts
 */
@ConfigurationProperties("ramsetu.allocation")
public record AllocationProperties(
        @DefaultValue(AllocationProperties.DEFAULT_POLICY) String policy,
        @DefaultValue("10000") int scoringBatchSize,
        @DefaultValue("100") int responseCandidates,
        @DefaultValue("40") int rescoringAttempts,
        @DefaultValue("2s") Duration rescoringBackoff,
        @DefaultValue("1m") Duration rescoringMaxBackoff) {

    /** The policy new runs use unless {@code ramsetu.allocation.policy} names another. */
    public static final String DEFAULT_POLICY = "allocation/ramsetu-2026-1";

    public AllocationProperties {
        if (policy == null || policy.isBlank()) {
            throw new IllegalArgumentException(
                    "ramsetu.allocation.policy must name a policy, e.g. allocation/ramsetu-2026-1");
        }
        if (scoringBatchSize < 1) {
            throw new IllegalArgumentException(
                    "ramsetu.allocation.scoring-batch-size must be at least 1");
        }
        if (responseCandidates < 0 || responseCandidates > 10_000) {
            throw new IllegalArgumentException(
                    "ramsetu.allocation.response-candidates must be 0 to 10000");
        }
        if (rescoringAttempts < 1) {
            throw new IllegalArgumentException(
                    "ramsetu.allocation.rescoring-attempts must be at least 1");
        }
    }
}
