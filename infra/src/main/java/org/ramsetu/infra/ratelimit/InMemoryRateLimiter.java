package org.ramsetu.infra.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Comparator;

/**
 * Buckets in this process's memory (the embedded default; limits are per instance). Buckets live in
 * a size-bounded cache and are dropped once idle for a full refill period: by then they are full
 * again, so dropping one changes no decision.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final RateLimitCatalog catalog;
    private final Cache<String, Bucket> buckets;

    public InMemoryRateLimiter(RateLimitCatalog catalog, long maxBuckets) {
        this.catalog = catalog;
        Duration longestRefill =
                catalog.all().stream()
                        .map(RateLimit::refillPeriod)
                        .max(Comparator.naturalOrder())
                        .orElse(Duration.ofMinutes(1));
        this.buckets =
                Caffeine.newBuilder()
                        .maximumSize(maxBuckets)
                        .expireAfterAccess(longestRefill)
                        .build();
    }

    @Override
    public RateLimitDecision tryConsume(String limitName, String key, long tokens) {
        RateLimit limit = catalog.check(limitName, key, tokens);
        Bucket bucket =
                buckets.get(
                        limitName + '\u0000' + key,
                        k ->
                                Bucket.builder()
                                        .addLimit(limit.bucketConfiguration().getBandwidths()[0])
                                        .build());
        return decisionOf(bucket.tryConsumeAndReturnRemaining(tokens));
    }

    static RateLimitDecision decisionOf(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? RateLimitDecision.allowed(probe.getRemainingTokens())
                : RateLimitDecision.denied(
                        probe.getRemainingTokens(),
                        Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
