package org.ramsetu.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisReadOnlyException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.QueueRedis;
import org.ramsetu.infra.queue.config.QueueConfiguration;
import org.ramsetu.infra.ratelimit.RateLimiter;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.RedisServerProcess;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * A Redis server demoted to a replica without dropping its clients ({@code REPLICAOF} by hand, or a
 * Sentinel that could not reach it to disconnect them) answers every write with {@code READONLY}
 * and would keep our connections forever. Each of our users then connects afresh, which through
 * Sentinel lands on the current primary; here (no Sentinel) the proof is the new connection.
 */
class DemotedPrimaryIntegrationTest {

    @TempDir Path dir;

    @Test
    void queueRateLimitsAndCacheLeaveAServerThatAnswersReadOnly() throws Exception {
        try (RedisServerProcess demoted = RedisServerProcess.start(dir.resolve("a"));
                RedisServerProcess other = RedisServerProcess.start(dir.resolve("b"))) {
            RamsetuSettings settings =
                    RamsetuSettings.fromEnvironment(Map.of("RAMSETU_REDIS_URL", demoted.url()));
            QueueRedis queue =
                    new QueueRedis(
                            Optional.of(
                                    QueueConfiguration.redisClient(
                                            settings.redisUrl().orElseThrow())));
            try {
                CacheAndRateLimitContexts.on(settings, Duration.ofSeconds(2), 100)
                        .run(
                                context -> {
                                    RateLimiter limiter = context.getBean(RateLimiter.class);
                                    Cache cache = context.getBean(CacheManager.class).getCache("c");
                                    queue.commands().set("k", "v");
                                    limiter.tryConsume("api", "client");
                                    cache.put("k", "v");
                                    Map<String, Long> before = clientIds(demoted);
                                    assertThat(before)
                                            .containsKeys(
                                                    "ramsetu-queue",
                                                    "ramsetu-rate-limits",
                                                    "ramsetu-cache");

                                    admin(demoted, c -> c.replicaof("127.0.0.1", other.port()));

                                    assertThatThrownBy(() -> queue.commands().set("k", "w"))
                                            .isInstanceOf(RedisReadOnlyException.class);
                                    limiter.tryConsume("api", "client");
                                    assertThatThrownBy(() -> cache.put("k", "w"))
                                            .hasStackTraceContaining("READONLY");
                                    // Reads still work on a replica; the cache's reset connection
                                    // is made again on its next use.
                                    cache.get("k");
                                    queue.commands().get("k");

                                    Map<String, Long> after = clientIds(demoted);
                                    for (String name :
                                            new String[] {
                                                "ramsetu-queue",
                                                "ramsetu-rate-limits",
                                                "ramsetu-cache"
                                            }) {
                                        assertThat(after.get(name))
                                                .as(name + " connected afresh")
                                                .isNotNull()
                                                .isNotEqualTo(before.get(name));
                                    }
                                });
            } finally {
                queue.shutdown();
            }
        }
    }

    private static <T> T admin(
            RedisServerProcess server, Function<RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.setTimeout(Duration.ofSeconds(5));
            return command.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /** The newest connection id per client name on {@code server}. */
    private static Map<String, Long> clientIds(RedisServerProcess server) {
        Map<String, Long> ids = new HashMap<>();
        for (String line : admin(server, RedisCommands::clientList).split("\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String pair : line.strip().split(" ")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            String name = fields.getOrDefault("name", "");
            if (!name.isEmpty()) {
                ids.merge(name, Long.parseLong(fields.get("id")), Math::max);
            }
        }
        return ids;
    }
}
