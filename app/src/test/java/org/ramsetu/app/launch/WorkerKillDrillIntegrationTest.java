package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.RedisServerProcess;

/**
 * The drill, as separate processes: one api and two workers share one PostgreSQL and one
 * Redis; 10,000 jobs go through the outbox to Redis Streams; one worker is killed with SIGKILL
 * halfway; every job's effect is applied exactly once (the effect table's primary key would reject
 * a second one, and the count must reach exactly 10,000).
 */
class WorkerKillDrillIntegrationTest {

    private static final int JOBS = 10_000;
    private static final String SECRET = "drill-secret-0123456789abcdef0123456789";
    private static final String COORDINATOR = CoordinatorTokens.signedWith(SECRET);
    private static final Pattern APPLIED = Pattern.compile("\"applied\":(\\d+)");

    @TempDir Path dir;

    @Test
    void burstSurvivesAWorkerKilledHalfwayWithEveryEffectAppliedOnce() throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("db"));
                RedisServerProcess redis = RedisServerProcess.start(dir.resolve("redis"))) {
            Map<String, String> env = TargetEnvironments.of(dir.resolve("data"), db, SECRET);
            env.put("RAMSETU_REDIS_URL", redis.url());

            try (RunningRamsetu api =
                    RamsetuLauncher.start(
                            Target.API, RamsetuSettings.fromEnvironment(env), OptionalInt.of(0))) {
                Process victim = startWorker(env, "victim", Http.freePort());
                int survivorPort = Http.freePort();
                Process survivor = startWorker(env, "survivor", survivorPort);
                try {
                    // The api target faces the public and exposes no operator write endpoint;
                    // the drill is started on an internal worker port instead.
                    assertThat(
                                    Http.get(api.port(), "/actuator/queuedrill/x", COORDINATOR)
                                            .statusCode())
                            .isEqualTo(404);
                    // The api only produces jobs (through the outbox): the queue shows in its
                    // health, not in its readiness.
                    assertThat(Http.get(api.port(), "/actuator/health").body())
                            .contains("\"queue\":{\"status\":\"UP\"}");
                    assertThat(Http.get(api.port(), "/actuator/health/readiness").body())
                            .doesNotContain("\"queue\"");
                    assertThat(Http.get(survivorPort, "/actuator/queuedrill/x").statusCode())
                            .as("operations endpoints need a coordinator token")
                            .isEqualTo(401);
                    String body =
                            Http.postOk(
                                    survivorPort,
                                    "/actuator/queuedrill",
                                    COORDINATOR,
                                    "{\"jobs\":" + JOBS + "}");
                    String runId = body.replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1");

                    WorkerProcesses.await(
                            () -> applied(survivorPort, runId) >= JOBS / 2, Duration.ofMinutes(3));
                    victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    long atKill = applied(survivorPort, runId);

                    WorkerProcesses.await(
                            () -> applied(survivorPort, runId) == JOBS, Duration.ofMinutes(4));
                    assertThat(atKill).isLessThan(JOBS);
                    assertThat(applied(survivorPort, runId)).isEqualTo(JOBS);
                } finally {
                    victim.destroyForcibly();
                    survivor.destroy();
                    survivor.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private Process startWorker(Map<String, String> env, String name, int port) throws Exception {
        return WorkerProcesses.start(dir, env, name, port, Duration.ofSeconds(90));
    }

    private static long applied(int port, String runId) {
        Matcher m =
                APPLIED.matcher(
                        Http.get(port, "/actuator/queuedrill/" + runId, COORDINATOR).body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
