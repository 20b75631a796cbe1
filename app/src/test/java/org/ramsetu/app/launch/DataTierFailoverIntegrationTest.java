package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.infra.postgres.StreamingStandby;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.RedisSentinelCluster;

/**
 * The api target on a data tier without a single point of failure, as an operator configures it:
 * PostgreSQL with a streaming read replica ({@code RAMSETU_DB_READ_URL}) and Redis behind Sentinels
 * ({@code RAMSETU_REDIS_URL=redis-sentinel://…#mymaster}). Spring Boot's own Redis connection (its
 * health indicator) and ours reach Redis through the Sentinels and follow a killed primary; the
 * coordinators' dashboard reads from the replica.
 */
class DataTierFailoverIntegrationTest {

    private static final String SECRET = "data-tier-test-secret-0123456789abcdef";
    private static final String COORDINATOR = CoordinatorTokens.signedWith(SECRET);

    @TempDir Path dir;

    @Test
    void apiReadsFromTheReplicaAndFollowsARedisFailover() throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("db"));
                StreamingStandby replica = StreamingStandby.of(db, dir.resolve("replica"));
                RedisSentinelCluster redis =
                        RedisSentinelCluster.start(dir.resolve("redis"), 1, "redis-test-pw")) {
            Map<String, String> env = TargetEnvironments.of(dir.resolve("data"), db, SECRET);
            env.put("RAMSETU_DB_READ_URL", replica.jdbcUrl());
            env.put("RAMSETU_REDIS_URL", redis.url());
            RamsetuSettings settings = RamsetuSettings.fromEnvironment(env);
            try (RunningRamsetu api =
                    RamsetuLauncher.start(Target.API, settings, OptionalInt.of(0))) {
                // The queue is not part of the api's readiness (it only produces, through the
                // outbox); its state shows in the full health.
                assertThat(Http.get(api.port(), "/actuator/health").body())
                        .contains("\"queue\":{\"status\":\"UP\"}")
                        .contains("\"redis\":{\"status\":\"UP\"}");

                await(() -> metric(api, "ramsetu_db_replica_in_use") == 1.0, "replica in use");
                assertThat(Http.get(api.port(), "/api/v1/admin/stats", COORDINATOR).statusCode())
                        .isEqualTo(200);
                assertThat(
                                metric(
                                        api,
                                        "ramsetu_db_replica_reads_total\\{[^}]*served_by=\"replica\""))
                        .isPositive();
                assertThat(metric(api, "ramsetu_db_replica_lag_seconds")).isLessThan(10.0);

                redis.killPrimary();
                long killedAt = System.nanoTime();
                await(
                        () -> {
                            String health = Http.get(api.port(), "/actuator/health").body();
                            return health.contains("\"redis\":{\"status\":\"UP\"}")
                                    && health.contains("\"queue\":{\"status\":\"UP\"}");
                        },
                        "Redis health and the queue up on the promoted replica");
                System.out.printf(
                        "api target: Redis health and queue up %d ms after the primary was"
                                + " killed%n",
                        Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
            }
        }
    }

    /** The value of the first Prometheus sample whose name (and labels) match {@code series}. */
    private static double metric(RunningRamsetu api, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + series + "[^\\n]* ([0-9.eE+-]+|NaN)$")
                        .matcher(Http.get(api.port(), "/actuator/prometheus").body());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
