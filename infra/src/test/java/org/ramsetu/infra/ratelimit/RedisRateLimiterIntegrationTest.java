package org.ramsetu.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.testing.PerClassRedis;
import org.ramsetu.infra.testing.RedisServerProcess;

/** The Redis adapter against a real redis-server, including what happens when Redis dies. */
class RedisRateLimiterIntegrationTest extends RateLimiterContract {

    @RegisterExtension static final PerClassRedis redis = new PerClassRedis();
    private final List<RedisRateLimiter> opened = new ArrayList<>();

    @AfterEach
    void closeLimiters() {
        opened.forEach(RedisRateLimiter::close);
    }

    @Override
    RateLimiter newLimiter(RateLimitCatalog catalog) {
        return open(redis.server(), new SimpleMeterRegistry(), HEALTHY_TIMEOUT);
    }

    @Test
    void twoInstancesDrawFromOneBucket() {
        RateLimiter apiOne = limiter();
        RateLimiter apiTwo = open(redis.server(), new SimpleMeterRegistry(), HEALTHY_TIMEOUT);
        String k = key("shared");

        assertThat(apiOne.tryConsume("login", k).allowed()).isTrue();
        assertThat(apiTwo.tryConsume("login", k).allowed()).isTrue();
        assertThat(apiOne.tryConsume("login", k)).isEqualTo(RateLimitDecision.allowed(0));
        assertThat(apiTwo.tryConsume("login", k).allowed()).isFalse();
    }

    @Test
    void whenRedisDiesEachInstanceStillLimitsAloneAndSaysSo(@TempDir Path dir) throws Exception {
        try (RedisServerProcess doomed = RedisServerProcess.start(dir)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            RateLimiter limiter = open(doomed, meters, OUTAGE_TIMEOUT);
            limiter.tryConsume("login", "carol");

            doomed.kill();

            long start = System.nanoTime();
            List<Boolean> allowed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                allowed.add(limiter.tryConsume("login", "carol").allowed());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(4));
            // The local bucket starts full: three allowed, the fourth denied.
            assertThat(allowed).containsExactly(true, true, true, false);
            assertThat(meters.get("ramsetu.rate.limit.degraded").counter().count()).isEqualTo(4);
        }
    }

    @Test
    void anInstanceStartsWhileRedisIsAwayAndLimitsAlone(@TempDir Path dir) throws Exception {
        RedisServerProcess away = RedisServerProcess.start(dir);
        away.kill();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        RateLimiter limiter = open(away, meters, OUTAGE_TIMEOUT);

        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            allowed.add(limiter.tryConsume("login", "dave").allowed());
        }
        assertThat(allowed).containsExactly(true, true, true, false);
        assertThat(meters.get("ramsetu.rate.limit.degraded").counter().count()).isEqualTo(4);
        away.close();
    }

    /** Generous, so a loaded CI machine does not push healthy calls into the local fallback. */
    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(2);

    /** Short, as in production, so the dead-Redis path is bounded; still above CI jitter. */
    private static final Duration OUTAGE_TIMEOUT = Duration.ofMillis(500);

    private RedisRateLimiter open(
            RedisServerProcess server, SimpleMeterRegistry meters, Duration timeout) {
        RedisRateLimiter limiter =
                new RedisRateLimiter(
                        LIMITS, URI.create(server.url()), Optional.empty(), timeout, meters);
        opened.add(limiter);
        return limiter;
    }
}
