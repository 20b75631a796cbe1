package org.ramsetu.infra.redis;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.ramsetu.infra.cache.CacheConfiguration;
import org.ramsetu.infra.ratelimit.RateLimitConfiguration;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.SettingsContexts;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The cache and the rate limits as Spring makes them, for the drills that break their Redis. */
final class CacheAndRateLimitContexts {

    private CacheAndRateLimitContexts() {}

    /**
     * Both on the Redis {@code settings} names, each waiting at most {@code redisTimeout} for an
     * answer, with an {@code api} limit of {@code apiCapacity} calls a minute.
     */
    static ApplicationContextRunner on(
            RamsetuSettings settings, Duration redisTimeout, int apiCapacity) {
        return SettingsContexts.withSettings(() -> settings)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(CacheConfiguration.class, RateLimitConfiguration.class)
                .withPropertyValues(
                        "ramsetu.cache.redis-timeout=" + redisTimeout.toMillis() + "ms",
                        "ramsetu.rate-limits.redis-timeout=" + redisTimeout.toMillis() + "ms",
                        "ramsetu.rate-limits.limits.api.capacity=" + apiCapacity,
                        "ramsetu.rate-limits.limits.api.refill-period=1m");
    }
}
