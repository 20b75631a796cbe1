package org.ramsetu.infra.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.PerClassRedis;
import org.ramsetu.infra.testing.RedisServerProcess;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.cache.RedisCacheManager;

/** The Redis cache against a real redis-server, including a Redis crash mid-use. */
class RedisCacheIntegrationTest extends CacheContract {

    @RegisterExtension static final PerClassRedis redis = new PerClassRedis();

    /** The server this test's context talks to (the shared one, or one a test may kill). */
    private RedisServerProcess server;

    @Override
    RamsetuSettings settings() {
        return settings(Optional.of(server != null ? server.url() : redis.url()));
    }

    @Test
    void withRedisTheCacheIsRedis() {
        withContext(
                context ->
                        assertThat(context.getBean(CacheManager.class))
                                .isInstanceOf(RedisCacheManager.class));
    }

    @Test
    void whenRedisDiesRequestsStillSucceedUncachedAndTheMetricsSaySo(@TempDir Path dir)
            throws Exception {
        try (RedisServerProcess doomed = RedisServerProcess.start(dir)) {
            server = doomed;
            withContext(
                    context -> {
                        Hospitals hospitals = context.getBean(Hospitals.class);
                        MeterRegistry meters = context.getBean(MeterRegistry.class);
                        hospitals.name("h");
                        hospitals.name("h");
                        assertThat(hospitals.lookups("h")).isEqualTo(1);
                        double errorsBefore = getErrors(meters);

                        kill(doomed);
                        long start = System.nanoTime();
                        for (int i = 0; i < 3; i++) {
                            assertThat(hospitals.name("h")).startsWith("Hospital h");
                        }

                        assertThat(Duration.ofNanos(System.nanoTime() - start))
                                .isLessThan(Duration.ofSeconds(9));
                        assertThat(hospitals.lookups("h")).isEqualTo(4);
                        assertThat(meters.get("ramsetu.cache.degraded").gauge().value())
                                .isEqualTo(1);
                        assertThat(getErrors(meters) - errorsBefore).isEqualTo(3);

                        relaunch(doomed);
                        // Lettuce reconnects in the background; caching resumes without a restart.
                        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                        int before;
                        do {
                            sleep(200);
                            hospitals.name("h2");
                            before = hospitals.lookups("h2");
                            hospitals.name("h2");
                        } while (hospitals.lookups("h2") != before && System.nanoTime() < deadline);
                        assertThat(hospitals.lookups("h2")).isEqualTo(before);
                    },
                    // Short enough that a dead Redis cannot stall requests, long enough that a
                    // loaded CI machine does not fail healthy calls before the kill.
                    "ramsetu.cache.redis-timeout=1s");
        }
    }

    private static void kill(RedisServerProcess server) {
        try {
            server.kill();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void relaunch(RedisServerProcess server) {
        try {
            server.launch();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double getErrors(MeterRegistry meters) {
        var counter = meters.find("ramsetu.cache.errors").tag("operation", "get").counter();
        return counter == null ? 0 : counter.count();
    }
}
