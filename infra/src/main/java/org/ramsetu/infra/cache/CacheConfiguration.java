package org.ramsetu.infra.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cache ({@code @Cacheable}) on Redis when {@code RAMSETU_REDIS_URL} is set, otherwise on
 * Caffeine. A failing Redis degrades to no cache, never to failed requests ({@link
 * DegradingCacheErrorHandler}). Needs the {@code ramsetuSettings} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
@EnableConfigurationProperties(CachingProperties.class)
public class CacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CacheConfiguration.class);

    @Bean
    CacheManager cacheManager(RamsetuSettings settings, CachingProperties properties) {
        if (settings.redisUrl().isPresent()) {
            log.info("Cache: Redis, entries live {}", properties.timeToLive());
            return RedisCacheManagers.create(
                    settings.redisUrl().get(),
                    settings.tls().trusted(),
                    properties.redisTimeout(),
                    properties.timeToLive());
        }
        log.info("Cache: Caffeine in memory, entries live {}", properties.timeToLive());
        CaffeineCacheManager caffeine = new CaffeineCacheManager();
        caffeine.setCaffeine(
                Caffeine.newBuilder()
                        .maximumSize(properties.maximumSize())
                        .expireAfterWrite(properties.timeToLive())
                        .recordStats());
        return caffeine;
    }

    @Bean
    DegradingCacheErrorHandler cacheErrorHandler(ObjectProvider<MeterRegistry> meters) {
        return new DegradingCacheErrorHandler(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Hands our error handler to {@code @EnableCaching}. */
    @Bean
    CachingConfigurer ramsetuCachingConfigurer(DegradingCacheErrorHandler errorHandler) {
        return new CachingConfigurer() {
            @Override
            public CacheErrorHandler errorHandler() {
                return errorHandler;
            }
        };
    }
}
