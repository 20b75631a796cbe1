package org.ramsetu.infra.scoring.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform calls the scoring target in split mode ({@code ramsetu.scoring.client.*}); see
 * ADR 0010. The defaults answer a match run within {@code timeLimit} whatever the scoring target
 * does: a run whose scoring failed is ranked on the clinical policy alone and marked degraded.
 *
 * @param attemptTimeout connect and answer timeout of one HTTP attempt
 * @param timeLimit the most one logical call may take, retries and back-off included
 * @param maxAttempts attempts per call, the first included; only transient failures (connection
 *     refused, timeouts, 502/503/504) are retried, never a 4xx
 * @param backoff wait before the second attempt; each further wait is {@code backoffMultiplier}
 *     times longer
 * @param jitter each wait is randomised by ± this fraction, so callers that failed together do not
 *     retry together
 * @param failureRateThreshold percentage of failed attempts in the window that opens the breaker
 * @param slidingWindowSize attempts the failure rate is computed over
 * @param minimumCalls attempts needed before the failure rate counts
 * @param openFor how long an open breaker refuses calls before letting trial calls through
 * @param halfOpenCalls trial calls that decide whether the breaker closes again
 * @param maxConcurrentCalls bulkhead: calls in flight at once from this process
 * @param maxWaitForPermit how long a call waits for a bulkhead permit before being refused
 */
@ConfigurationProperties("ramsetu.scoring.client")
public record ScoringClientProperties(
        @DefaultValue("1s") Duration attemptTimeout,
        @DefaultValue("2500ms") Duration timeLimit,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("100ms") Duration backoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("0.5") double jitter,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("5") int minimumCalls,
        @DefaultValue("10s") Duration openFor,
        @DefaultValue("2") int halfOpenCalls,
        @DefaultValue("8") int maxConcurrentCalls,
        @DefaultValue("50ms") Duration maxWaitForPermit) {

    public ScoringClientProperties {
        positive("attempt-timeout", attemptTimeout);
        positive("time-limit", timeLimit);
        positive("backoff", backoff);
        positive("open-for", openFor);
        if (maxWaitForPermit == null || maxWaitForPermit.isNegative()) {
            throw new IllegalArgumentException(
                    "ramsetu.scoring.client.max-wait-for-permit must be zero or more");
        }
        atLeast("max-attempts", maxAttempts, 1);
        atLeast("sliding-window-size", slidingWindowSize, 1);
        atLeast("minimum-calls", minimumCalls, 1);
        atLeast("half-open-calls", halfOpenCalls, 1);
        atLeast("max-concurrent-calls", maxConcurrentCalls, 1);
        if (backoffMultiplier < 1.0) {
            throw new IllegalArgumentException(
                    "ramsetu.scoring.client.backoff-multiplier must be at least 1.0");
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException(
                    "ramsetu.scoring.client.jitter must be at least 0 and below 1");
        }
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            throw new IllegalArgumentException(
                    "ramsetu.scoring.client.failure-rate-threshold must be a percentage (1-100)");
        }
    }

    /** The defaults, for code that builds a client without Spring (tests, tools). */
    public static ScoringClientProperties defaults() {
        return new ScoringClientProperties(
                Duration.ofSeconds(1),
                Duration.ofMillis(2500),
                3,
                Duration.ofMillis(100),
                2.0,
                0.5,
                50,
                20,
                5,
                Duration.ofSeconds(10),
                2,
                8,
                Duration.ofMillis(50));
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(
                    "ramsetu.scoring.client." + name + " must be a positive duration");
        }
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(
                    "ramsetu.scoring.client." + name + " must be at least " + min);
        }
    }
}
