package org.ramsetu.infra.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.ramsetu.infra.redis.DemotedPrimary;
import org.ramsetu.infra.redis.RedisClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis (bucket4j's compare-and-swap over Lettuce), so every API instance draws from the
 * same bucket. If Redis fails or is slower than {@code timeout}, the decision comes from this
 * instance's own buckets instead: limits then hold per instance (rather than not at all), and the
 * metric {@code ramsetu_rate_limit_degraded_total} and a WARN line say so.
 *
 * <p>With a {@code redis-sentinel://} URL the connection follows a failover by itself (Lettuce asks
 * the Sentinels at every reconnect); a server demoted without dropping its clients answers {@code
 * READONLY}, after which this limiter connects afresh ({@link DemotedPrimary}).
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    static final String KEY_PREFIX = "ramsetu:rate-limit:";

    private final RateLimitCatalog catalog;
    private final RedisClients.Owned client;
    private final Duration timeout;
    private final Duration longestRefill;
    private volatile Connected connected;
    private final RateLimiter fallback;
    private final Counter degraded;
    private final WarnEvery warnings = new WarnEvery(Duration.ofSeconds(30));

    /**
     * @param trustedCertificates the CAs a {@code rediss} server's certificate must chain to
     */
    public RedisRateLimiter(
            RateLimitCatalog catalog,
            URI redisUrl,
            Optional<Path> trustedCertificates,
            Duration timeout,
            MeterRegistry meters) {
        this.catalog = catalog;
        this.timeout = timeout;
        // Fail fast while Redis is away instead of queueing commands until they time out.
        this.client =
                RedisClients.create(
                        redisUrl,
                        timeout,
                        ClientOptions.DisconnectedBehavior.REJECT_COMMANDS,
                        "ramsetu-rate-limits",
                        trustedCertificates);
        this.longestRefill =
                catalog.all().stream()
                        .map(RateLimit::refillPeriod)
                        .max(Duration::compareTo)
                        .orElse(timeout);
        this.fallback = new InMemoryRateLimiter(catalog, 100_000);
        // An instance starting while Redis is away serves with per-instance limits and connects
        // once Redis is reachable: Redis is never a reason not to start.
        this.connected = connectOrNull();
        this.degraded =
                Counter.builder("ramsetu.rate.limit.degraded")
                        .description("rate-limit decisions made per instance because Redis failed")
                        .register(meters);
    }

    /** A connection and the buckets on it. */
    private record Connected(
            StatefulRedisConnection<String, byte[]> connection, ProxyManager<String> buckets) {}

    private Connected connect() {
        StatefulRedisConnection<String, byte[]> connection =
                client.client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        return new Connected(
                connection,
                Bucket4jLettuce.casBasedBuilder(connection)
                        .requestTimeout(timeout)
                        // A bucket's key expires once it would be full again (plus slack).
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                        longestRefill.plusSeconds(10)))
                        .build());
    }

    private Connected connectOrNull() {
        try {
            return connect();
        } catch (RuntimeException unreachable) {
            nextConnectAttempt = System.nanoTime() + RECONNECT_EVERY.toNanos();
            log.warn(
                    "Redis rate limits unavailable at start ({}); deciding per instance until it"
                            + " is reachable",
                    unreachable.toString());
            return null;
        }
    }

    /** The connection, or a new attempt at most every few seconds while there is none. */
    private Connected current() {
        Connected c = connected;
        if (c != null || System.nanoTime() < nextConnectAttempt) {
            return c;
        }
        synchronized (this) {
            if (connected == null && System.nanoTime() >= nextConnectAttempt) {
                connected = connectOrNull();
            }
            return connected;
        }
    }

    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(5);
    private volatile long nextConnectAttempt;

    @Override
    public RateLimitDecision tryConsume(String limitName, String key, long tokens) {
        RateLimit limit = catalog.check(limitName, key, tokens);
        Connected used = current();
        if (used == null) {
            degraded.increment();
            return fallback.tryConsume(limitName, key, tokens);
        }
        try {
            return InMemoryRateLimiter.decisionOf(
                    used.buckets()
                            .getProxy(
                                    KEY_PREFIX + limitName + ":" + key, limit::bucketConfiguration)
                            .tryConsumeAndReturnRemaining(tokens));
        } catch (RuntimeException e) {
            if (DemotedPrimary.isReadOnlyReply(e)) {
                reconnect(used);
            }
            degraded.increment();
            if (warnings.due()) {
                log.warn(
                        "Redis rate limits unavailable ({}); deciding per instance until it is back",
                        e.toString());
            }
            return fallback.tryConsume(limitName, key, tokens);
        }
    }

    /** Leaves a server that is no longer the primary; the next decision uses the new one. */
    private synchronized void reconnect(Connected stale) {
        if (connected != stale || stale == null) {
            return;
        }
        try {
            connected = connect();
            stale.connection().closeAsync();
            log.warn("Redis rate limits: the server answered READONLY; connected afresh");
        } catch (RuntimeException e) {
            log.warn(
                    "Redis rate limits: connecting afresh after READONLY failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (connected != null) {
            connected.connection().close();
        }
        client.close();
    }
}
