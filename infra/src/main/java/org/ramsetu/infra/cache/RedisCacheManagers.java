package org.ramsetu.infra.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ramsetu.infra.redis.DemotedPrimary;
import org.ramsetu.infra.redis.RedisClients;
import org.ramsetu.infra.redis.RedisUrls;
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
 *
 * <p>A {@code redis-sentinel://} URL becomes Spring Data Redis's Sentinel configuration, so the
 * connection asks the Sentinels for the primary at every reconnect; a {@code READONLY} answer (a
 * server demoted without dropping its clients) resets the shared connection ({@link
 * DemotedPrimary}).
 */
final class RedisCacheManagers {

    private RedisCacheManagers() {}

    static RedisCacheManager create(
            URI redisUrl,
            Optional<Path> trustedCertificates,
            Duration timeout,
            Duration timeToLive) {
        ClientResources resources = RedisClients.resources();
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client =
                LettuceClientConfiguration.builder()
                        .commandTimeout(timeout)
                        .clientName("ramsetu-cache")
                        .clientResources(resources)
                        .clientOptions(
                                RedisClients.options(
                                        timeout,
                                        ClientOptions.DisconnectedBehavior.REJECT_COMMANDS,
                                        trustedCertificates));
        if (RedisUrls.usesTls(redisUrl)) {
            client.useSsl();
        }
        // A redis-sentinel:// URL gives a RedisSentinelConfiguration (master, Sentinels, password).
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
                resettingOnReadOnly(
                        // Spring Data Redis 4 writes asynchronously by default: a read right after
                        // a put (or an evict) could overtake it, and a late put could undo an
                        // eviction.
                        RedisCacheWriter.create(connections, writer -> writer.immediateWrites()),
                        connections),
                entries,
                connections,
                resources);
    }

    /** {@code writer}, resetting the shared connection when a server answers READONLY. */
    private static RedisCacheWriter resettingOnReadOnly(
            RedisCacheWriter writer, LettuceConnectionFactory connections) {
        return (RedisCacheWriter)
                Proxy.newProxyInstance(
                        RedisCacheWriter.class.getClassLoader(),
                        new Class<?>[] {RedisCacheWriter.class},
                        (proxy, method, args) -> {
                            try {
                                return method.invoke(writer, args);
                            } catch (InvocationTargetException e) {
                                if (DemotedPrimary.isReadOnlyReply(e.getCause())) {
                                    connections.resetConnection();
                                }
                                throw e.getCause();
                            }
                        });
    }

    /** Closes its connection with the application context. */
    static final class OwningRedisCacheManager extends RedisCacheManager implements DisposableBean {
        private final LettuceConnectionFactory connections;
        private final ClientResources resources;

        OwningRedisCacheManager(
                RedisCacheWriter writer,
                RedisCacheConfiguration entries,
                LettuceConnectionFactory connections,
                ClientResources resources) {
            super(writer, entries);
            this.connections = connections;
            this.resources = resources;
        }

        @Override
        public void destroy() {
            connections.destroy();
            // Given resources outlive the factory; they are ours to shut down.
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
