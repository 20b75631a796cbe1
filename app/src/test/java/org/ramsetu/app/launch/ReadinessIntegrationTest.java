package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.RedisServerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness a load balancer can trust, with the dependencies stopped for real: an api without Redis
 * keeps serving (local fallbacks) and stays ready; a database that hangs makes it not ready within
 * seconds while every probe still answers in under a second; liveness never follows a dependency;
 * during a database outage a coordinator gets a complete problem+json 503 naming the database.
 */
class ReadinessIntegrationTest {

    private static final String SECRET = "readiness-test-secret-0123456789abcdef";
    private static final String COORDINATOR = CoordinatorTokens.signedWith(SECRET);
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(1);

    @TempDir Path dir;

    @Test
    void readinessFollowsTheDatabaseNotRedisAndAlwaysAnswersQuickly() throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("db"));
                RedisServerProcess redis = RedisServerProcess.start(dir.resolve("redis"))) {
            Map<String, String> env = TargetEnvironments.of(dir.resolve("data"), db, SECRET);
            env.put("RAMSETU_REDIS_URL", redis.url());
            RamsetuSettings settings = RamsetuSettings.fromEnvironment(env);
            try (RunningRamsetu api =
                    RamsetuLauncher.start(Target.API, settings, OptionalInt.of(0))) {
                int port = api.port();
                // The first call of each endpoint initialises it; probes are timed afterwards.
                Http.get(port, "/actuator/health/readiness");
                Http.get(port, "/actuator/health/liveness");
                awaitProbe(port, "/actuator/health/readiness", r -> r.statusCode() == 200);

                redis.kill();
                for (int i = 0; i < 8; i++) {
                    assertThat(probe(port, "/actuator/health/readiness").statusCode())
                            .as("readiness without Redis")
                            .isEqualTo(200);
                    Thread.sleep(300);
                }
                assertThat(Http.get(port, "/api/v1/admin/stats", COORDINATOR).statusCode())
                        .as("the api serves without Redis")
                        .isEqualTo(200);

                long postmaster = db.serverPid();
                signal("STOP", postmaster);
                try {
                    awaitProbe(port, "/actuator/health/readiness", r -> r.statusCode() == 503);
                    assertThat(probe(port, "/actuator/health/liveness").statusCode())
                            .isEqualTo(200);
                } finally {
                    signal("CONT", postmaster);
                }
                awaitProbe(port, "/actuator/health/readiness", r -> r.statusCode() == 200);

                db.close();
                awaitProbe(port, "/actuator/health/readiness", r -> r.statusCode() == 503);
                HttpResponse<String> outage = Http.get(port, "/api/v1/admin/stats", COORDINATOR);
                assertThat(outage.statusCode()).isEqualTo(503);
                assertThat(outage.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(
                                t -> assertThat(t).contains("application/problem+json"));
                assertThat(outage.headers().firstValue("Retry-After")).isPresent();
                JsonNode problem = JsonMapper.builder().build().readTree(outage.body());
                assertThat(problem.path("type").asString()).endsWith("database-unavailable");
                assertThat(problem.path("status").asInt()).isEqualTo(503);
                assertThat(probe(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            }
        }
    }

    /** A probe, which must answer within a second whatever the dependencies do. */
    private static HttpResponse<String> probe(int port, String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = Http.get(port, path);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as(path + " answered")
                .isLessThan(PROBE_LIMIT);
        return response;
    }

    private static void awaitProbe(int port, String path, Predicate<HttpResponse<String>> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> last = probe(port, path);
        while (!expected.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        path + " never reached the expected state: " + last.body());
            }
            Thread.sleep(200);
            last = probe(port, path);
        }
    }

    /** Freezes or thaws PostgreSQL: the postmaster and every backend, so no query answers. */
    private static void signal(String signal, long postmaster)
            throws IOException, InterruptedException {
        new ProcessBuilder("pkill", "-" + signal, "-P", Long.toString(postmaster))
                .inheritIO()
                .start()
                .waitFor();
        new ProcessBuilder("kill", "-" + signal, Long.toString(postmaster))
                .inheritIO()
                .start()
                .waitFor();
    }
}
