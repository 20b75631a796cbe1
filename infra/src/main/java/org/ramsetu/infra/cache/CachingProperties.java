package org.ramsetu.infra.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Spring Cache behind {@code @Cacheable} ({@code ramsetu.cache.*}): Redis when {@code
 * RAMSETU_REDIS_URL} is set, otherwise Caffeine in memory.
 *
 * @param timeToLive how long an entry is served before it is computed again; also bounds how long
 *     an entry can stay stale when an eviction was lost to a Redis outage
 * @param maximumSize entries per cache in memory (Caffeine only; Redis is bounded by its maxmemory)
 * @param redisTimeout how long a cache read or write in Redis may take before the call goes on
 *     without the cache
 */
@ConfigurationProperties("ramsetu.cache")
public record CachingProperties(
        @DefaultValue("10m") Duration timeToLive,
        @DefaultValue("10000") long maximumSize,
        @DefaultValue("250ms") Duration redisTimeout) {}
