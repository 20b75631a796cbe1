package org.ramsetu.infra.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits as data ({@code ramsetu.rate-limits.*}), e.g.
 *
 * <pre>
 * ramsetu.rate-limits.limits.login.capacity=5
 * ramsetu.rate-limits.limits.login.refill-period=1m
 * </pre>
 *
 * Buckets live in Redis when {@code RAMSETU_REDIS_URL} is set, otherwise in memory.
 *
 * @param limits each limit by name (lower-case letters, digits, '-')
 * @param redisTimeout how long a Redis decision may take before this instance decides alone
 * @param maxLocalBuckets how many (limit, key) buckets one instance keeps in memory at most
 */
@ConfigurationProperties("ramsetu.rate-limits")
public record RateLimitProperties(
        Map<String, Limit> limits,
        @DefaultValue("250ms") Duration redisTimeout,
        @DefaultValue("100000") long maxLocalBuckets) {

    /**
     * @param capacity requests allowed at once (the burst)
     * @param refillPeriod time over which {@code capacity} requests come back
     */
    public record Limit(long capacity, Duration refillPeriod) {}

    public RateLimitCatalog catalog() {
        return new RateLimitCatalog(
                limits == null
                        ? List.of()
                        : limits.entrySet().stream()
                                .map(
                                        e ->
                                                new RateLimit(
                                                        e.getKey(),
                                                        e.getValue().capacity(),
                                                        e.getValue().refillPeriod()))
                                .toList());
    }
}
