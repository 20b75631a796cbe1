package org.ramsetu.infra.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis (bucket4j's compare-and-swap over Lettuce), so every API instance draws from the
 * same bucket. If Redis fails or is slower than {@code timeout}, the decision comes from this
 * instance's own buckets instead: limits then hold per instance (rather than not at all), and the
 * metric {@code ramsetu_rate_limit_degraded_total} and a WARN line say so.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    static final String KEY_PREFIX = "ramsetu:rate-limit:";

    private final RateLimitCatalog catalog;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final RateLimiter fallback;
    private final Counter degraded;
    private final WarnEvery warnings = new WarnEvery(Duration.ofSeconds(30));

    public RedisRateLimiter(
            RateLimitCatalog catalog, URI redisUrl, Duration timeout, MeterRegistry meters) {
        this.catalog = catalog;
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        // Fail fast while Redis is away instead of queueing commands until they time out.
        client.setOptions(
                ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .timeoutOptions(TimeoutOptions.enabled(timeout))
                        .build());
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        Duration longestRefill =
                catalog.all().stream()
                        .map(RateLimit::refillPeriod)
                        .max(Duration::compareTo)
                        .orElse(timeout);
        this.buckets =
                Bucket4jLettuce.casBasedBuilder(connection)
                        .requestTimeout(timeout)
                        // A bucket's key expires once it would be full again (plus slack).
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                        longestRefill.plusSeconds(10)))
                        .build();
        this.fallback = new InMemoryRateLimiter(catalog, 100_000);
        this.degraded =
                Counter.builder("ramsetu.rate.limit.degraded")
                        .description("rate-limit decisions made per instance because Redis failed")
                        .register(meters);
    }

    @Override
    public RateLimitDecision tryConsume(String limitName, String key, long tokens) {
        RateLimit limit = catalog.check(limitName, key, tokens);
        try {
            return InMemoryRateLimiter.decisionOf(
                    buckets.getProxy(KEY_PREFIX + limitName + ":" + key, limit::bucketConfiguration)
                            .tryConsumeAndReturnRemaining(tokens));
        } catch (RuntimeException e) {
            degraded.increment();
            if (warnings.due()) {
                log.warn(
                        "Redis rate limits unavailable ({}); deciding per instance until it is back",
                        e.toString());
            }
            return fallback.tryConsume(limitName, key, tokens);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
