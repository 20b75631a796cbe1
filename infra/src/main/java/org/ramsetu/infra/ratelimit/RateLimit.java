package org.ramsetu.infra.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named limit as data: at most {@code capacity} requests at once, refilled evenly so that
 * {@code capacity} more are allowed per {@code refillPeriod} (e.g. {@code login}: 5 per minute).
 */
public record RateLimit(String name, long capacity, Duration refillPeriod) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public RateLimit {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "rate limit name must be lower-case letters, digits and '-', like 'login', got '"
                            + name
                            + "'");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "rate limit " + name + " needs a capacity of at least 1, got " + capacity);
        }
        Objects.requireNonNull(refillPeriod, "refill period of rate limit " + name);
        if (refillPeriod.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException(
                    "rate limit "
                            + name
                            + " needs a refill period of at least 1ms, got "
                            + refillPeriod);
        }
    }

    /** Greedy refill: tokens come back one by one over the period, not all at its end. */
    BucketConfiguration bucketConfiguration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod))
                .build();
    }
}
