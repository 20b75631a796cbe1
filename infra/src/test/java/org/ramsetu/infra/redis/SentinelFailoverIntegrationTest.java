package org.ramsetu.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.QueueRedis;
import org.ramsetu.infra.queue.config.QueueConfiguration;
import org.ramsetu.infra.queue.redis.RedisStreamsJobQueue;
import org.ramsetu.infra.ratelimit.RateLimiter;
import org.ramsetu.infra.ratelimit.RedisRateLimiter;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.RedisSentinelCluster;
import org.ramsetu.infra.testing.RedisServerProcess;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.cache.RedisCacheManager;

/**
 * The failover drill for Redis: every Redis user of RamSetu (job queue, rate limits, cache) reaches
 * Redis through three Sentinels with {@code RAMSETU_REDIS_URL=redis-sentinel://…#mymaster}; the
 * primary is killed with SIGKILL; a Sentinel promotes the replica; each user works again, on the
 * promoted server, without a restart and within a bound.
 */
class SentinelFailoverIntegrationTest {

    /** Sentinels decide after 1 s; an election, promotion and reconnect take a few more. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);

    private static final JobType TYPE = JobType.of("test.failover");

    @TempDir Path dir;

    @Test
    void queueRateLimitsAndCacheFollowAKilledPrimaryToThePromotedReplica() throws Exception {
        try (RedisSentinelCluster cluster =
                RedisSentinelCluster.start(dir, 3, "sentinel-test-pw")) {
            RamsetuSettings settings =
                    RamsetuSettings.fromEnvironment(Map.of("RAMSETU_REDIS_URL", cluster.url()));
            URI url = settings.redisUrl().orElseThrow();
            QueueRedis redis = new QueueRedis(Optional.of(QueueConfiguration.redisClient(url)));
            try {
                // As QueueConfiguration makes it behind Sentinel: enqueues wait for a replica.
                RedisStreamsJobQueue queue =
                        new RedisStreamsJobQueue(
                                redis.commands(),
                                redis.enqueueCommands(),
                                Optional.of(Duration.ofSeconds(1)),
                                Clock.systemUTC());
                CacheAndRateLimitContexts.on(settings, Duration.ofSeconds(1), 1000)
                        .run(
                                context ->
                                        drill(
                                                cluster,
                                                queue,
                                                context.getBean(RateLimiter.class),
                                                context.getBean(CacheManager.class),
                                                context.getBean(MeterRegistry.class)));
            } finally {
                redis.shutdown();
            }
        }
    }

    private void drill(
            RedisSentinelCluster cluster,
            RedisStreamsJobQueue queue,
            RateLimiter limiter,
            CacheManager caches,
            MeterRegistry meters)
            throws Exception {
        assertThat(limiter).isInstanceOf(RedisRateLimiter.class);
        assertThat(caches).isInstanceOf(RedisCacheManager.class);
        Cache cache = caches.getCache("failover");
        Set<String> done = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            queue.enqueue(new NewJob(TYPE, "early-" + i, "{}"));
            done.add(leaseAndComplete(queue).orElseThrow());
        }
        assertThat(limiter.tryConsume("api", "client-1").allowed()).isTrue();
        assertThat(degraded(meters)).isZero();
        cache.put("hospital", "AIIMS");
        // Replication is asynchronous: what the primary had not yet sent is lost with it. Only
        // enqueues wait for a replica; for the rest the test waits.
        cluster.awaitReplicaCaughtUp();
        // Enqueued right before the kill: each returns once a replica has the job.
        for (int i = 0; i < 20; i++) {
            queue.enqueue(new NewJob(TYPE, "acknowledged-" + i, "{}"));
        }

        RedisServerProcess killed = cluster.killPrimary();
        long killedAt = System.nanoTime();

        // Each user is watched on its own thread, so each figure is its own recovery time.
        CompletableFuture<Duration> queueBack =
                awaitWorking(
                        killedAt,
                        () -> {
                            queue.enqueue(new NewJob(TYPE, "after-kill", "{}"));
                            return true;
                        });
        CompletableFuture<Duration> limitsBack =
                awaitWorking(
                        killedAt,
                        () -> {
                            double before = degraded(meters);
                            limiter.tryConsume("api", "client-1");
                            return degraded(meters) == before;
                        });
        CompletableFuture<Duration> cacheBack =
                awaitWorking(
                        killedAt,
                        () -> {
                            cache.put("hospital-2", "PGIMER");
                            return "PGIMER".equals(cache.get("hospital-2", String.class));
                        });
        System.out.printf(
                "Redis failover: queue back after %d ms, rate limits after %d ms, cache after %d"
                        + " ms%n",
                queueBack.get().toMillis(),
                limitsBack.get().toMillis(),
                cacheBack.get().toMillis());

        RedisServerProcess promoted = cluster.primary();
        assertThat(promoted).isNotSameAs(killed);
        assertThat(cluster.role(promoted)).isEqualTo("master");
        // Every job acknowledged before the kill is still there, on the promoted server.
        while (done.size() < 26) {
            Set<String> before = Set.copyOf(done);
            done.add(
                    leaseAndComplete(queue)
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no job left to lease after the failover;"
                                                            + " done: "
                                                            + new TreeSet<>(before))));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(done).contains("acknowledged-" + i);
        }
        assertThat(done).contains("after-kill");
        assertThat(queue.stats(TYPE).depth()).isZero();
        assertThat(cache.get("hospital", String.class)).isEqualTo("AIIMS");
        assertThat(queueBack.get()).isLessThan(RECOVERY_BOUND);
        assertThat(limitsBack.get()).isLessThan(RECOVERY_BOUND);
        assertThat(cacheBack.get()).isLessThan(RECOVERY_BOUND);
    }

    /** The key of the job leased and completed, if one was there to lease. */
    private static Optional<String> leaseAndComplete(RedisStreamsJobQueue queue) {
        return queue.lease(TYPE, "consumer", Duration.ofMinutes(1))
                .map(
                        lease -> {
                            queue.complete(lease);
                            return lease.job().idempotencyKey();
                        });
    }

    private static double degraded(MeterRegistry meters) {
        return meters.counter("ramsetu.rate.limit.degraded").count();
    }

    /** How long after {@code since} {@code attempt} first answers true without throwing. */
    private static CompletableFuture<Duration> awaitWorking(long since, BooleanSupplier attempt) {
        return CompletableFuture.supplyAsync(
                () -> {
                    long deadline = since + RECOVERY_BOUND.multipliedBy(2).toNanos();
                    while (System.nanoTime() < deadline) {
                        try {
                            if (attempt.getAsBoolean()) {
                                return Duration.ofNanos(System.nanoTime() - since);
                            }
                        } catch (RuntimeException stillFailingOver) {
                            // the primary is gone and no replica is promoted yet
                        }
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    throw new AssertionError(
                            "not working again within " + RECOVERY_BOUND.multipliedBy(2));
                },
                task -> {
                    Thread watcher = new Thread(task, "failover-watch");
                    watcher.setDaemon(true);
                    watcher.start();
                });
    }
}
