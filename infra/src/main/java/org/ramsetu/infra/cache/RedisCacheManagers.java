package org.ramsetu.infra.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Redis cache manager on a connection of its own, with short timeouts and commands rejected at
 * once while Redis is unreachable: a cache must never make a request wait long for an answer it can
 * compute itself. Keys are {@code ramsetu:cache:<cache>::<key>}; values use Java serialization, so
 * cached values must be {@link java.io.Serializable}.
 */
final class RedisCacheManagers {

    private RedisCacheManagers() {}

    static RedisCacheManager create(URI redisUrl, Duration timeout, Duration timeToLive) {
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client =
                LettuceClientConfiguration.builder()
                        .commandTimeout(timeout)
                        .clientOptions(
                                ClientOptions.builder()
                                        .disconnectedBehavior(
                                                ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                                        .timeoutOptions(TimeoutOptions.enabled(timeout))
                                        .build());
        if ("rediss".equalsIgnoreCase(redisUrl.getScheme())) {
            client.useSsl();
        }
        LettuceConnectionFactory connections =
                new LettuceConnectionFactory(
                        LettuceConnectionFactory.createRedisConfiguration(redisUrl.toString()),
                        client.build());
        connections.afterPropertiesSet();
        connections.start();
        RedisCacheConfiguration entries =
                RedisCacheConfiguration.defaultCacheConfig()
                        .entryTtl(timeToLive)
                        .prefixCacheNameWith("ramsetu:cache:");
        return new OwningRedisCacheManager(
                // Spring Data Redis 4 writes asynchronously by default: a read right after a put
                // (or an evict) could overtake it, and a late put could undo an eviction.
                RedisCacheWriter.create(connections, writer -> writer.immediateWrites()),
                entries,
                connections);
    }

    /** Closes its connection with the application context. */
    static final class OwningRedisCacheManager extends RedisCacheManager implements DisposableBean {
        private final LettuceConnectionFactory connections;

        OwningRedisCacheManager(
                RedisCacheWriter writer,
                RedisCacheConfiguration entries,
                LettuceConnectionFactory connections) {
            super(writer, entries);
            this.connections = connections;
        }

        @Override
        public void destroy() {
            connections.destroy();
        }
    }
}
