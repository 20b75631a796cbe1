package org.ramsetu.infra.queue;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (delay uniform in [0, min(cap, base·2^(attempt-1))]), as in
 * "Exponential Backoff and Jitter" (AWS Architecture Blog, 2015): spreads retries of jobs that
 * failed together instead of retrying them in lock-step.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofMinutes(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    /**
     * Delay before the next attempt after {@code attempt} failed, or empty when out of attempts.
     */
    public Optional<Duration> nextDelay(int attempt, RandomGenerator random) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        double exponential = baseDelay.toMillis() * Math.pow(2, attempt - 1);
        long ceiling = (long) Math.min(maxDelay.toMillis(), exponential);
        return Optional.of(Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1)));
    }
}
