package org.ramsetu.infra.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link RateLimiter}: buckets in Redis when {@code RAMSETU_REDIS_URL} is set (limits hold
 * across instances), otherwise in memory. Needs the {@code ramsetuSettings} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    RateLimiter rateLimiter(
            RamsetuSettings settings,
            RateLimitProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        RateLimitCatalog catalog = properties.catalog();
        if (settings.redisUrl().isPresent()) {
            log.info("Rate limits: Redis, limits {}", catalog.all());
            return new RedisRateLimiter(
                    catalog,
                    settings.redisUrl().get(),
                    settings.tls().trusted(),
                    properties.redisTimeout(),
                    meters.getIfAvailable(SimpleMeterRegistry::new));
        }
        log.info("Rate limits: in memory, limits {}", catalog.all());
        return new InMemoryRateLimiter(catalog, properties.maxLocalBuckets());
    }
}
