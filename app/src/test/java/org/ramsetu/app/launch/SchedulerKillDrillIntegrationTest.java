package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The scheduler's drill as separate processes: two workers share one PostgreSQL; 300 one-time
 * instances of 400 ms each are scheduled; one worker is killed with SIGKILL while it runs some of
 * them. Every instance's effect must be applied exactly once, no instance may succeed twice, and
 * the killed worker's executions must have been taken over (recorded as LOST, then run by the
 * survivor).
 */
class SchedulerKillDrillIntegrationTest {

    private static final int INSTANCES = 300;
    private static final String SECRET = "drill-secret-0123456789abcdef0123456789";
    private static final String COORDINATOR = CoordinatorTokens.signedWith(SECRET);

    @TempDir Path dir;

    @Test
    void oneTimeWorkSurvivesAWorkerKilledMidTaskAndNoInstanceRunsTwice() throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("db"))) {
            Map<String, String> env = TargetEnvironments.of(dir.resolve("data"), db, SECRET);
            // A killed worker's executions are taken over after 4 missed heartbeats: 4 s here.
            env.put("RAMSETU_SCHEDULE_HEARTBEATINTERVAL", "1s");
            env.put("RAMSETU_SCHEDULE_POLLINGINTERVAL", "1s");

            int victimPort = Http.freePort();
            Process victim = startWorker(env, "victim", victimPort);
            int survivorPort = Http.freePort();
            Process survivor = startWorker(env, "survivor", survivorPort);
            try {
                assertThat(Http.get(survivorPort, "/actuator/scheduledrill/x").statusCode())
                        .as("operations endpoints need a coordinator token")
                        .isEqualTo(401);
                String body =
                        Http.postOk(
                                victimPort,
                                "/actuator/scheduledrill",
                                COORDINATOR,
                                "{\"instances\":" + INSTANCES + ",\"workMillis\":400}");
                String runId = body.replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1");

                WorkerProcesses.await(
                        () -> field(report(survivorPort, runId), "applied") >= INSTANCES / 3,
                        Duration.ofMinutes(3));
                // The victim's attempts run in batches with a pause between them; killed in that
                // pause, it loses nothing and the drill proves nothing. So it is killed while an
                // attempt it started less than 150 ms ago still has at least 250 ms to go.
                String beforeKill = killableReport(victimPort, runId);
                victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                long atKill = field(report(survivorPort, runId), "applied");

                WorkerProcesses.await(
                        () -> field(report(survivorPort, runId), "waiting") == 0,
                        Duration.ofMinutes(3));
                String report = report(survivorPort, runId);
                System.out.println(
                        "scheduler kill drill: victim before the kill "
                                + beforeKill
                                + "; applied at kill "
                                + atKill
                                + ", "
                                + report);
                assertThat(atKill).isLessThan(INSTANCES);
                assertThat(field(report, "applied")).as(report).isEqualTo(INSTANCES);
                assertThat(field(report, "runTwice")).as(report).isZero();
                assertThat(field(report, "failed")).as(report).isZero();
                assertThat(field(report, "lost"))
                        .as("the victim was killed while running instances: " + report)
                        .isPositive();
                // Not succeeded + skipped: an instance whose attempt succeeded on the victim just
                // before the kill, but whose scheduler row was not yet removed, is taken over and
                // skipped by the survivor, so it counts in both.
                assertThat(field(report, "settled")).as(report).isEqualTo(INSTANCES);
                // So a skip must follow an attempt of the killed worker that succeeded or was
                // lost with it; a skip of anything else would be a live worker's instance taken
                // over, which settled alone would not show.
                JdbcClient jdbc =
                        JdbcClient.create(
                                new DriverManagerDataSource(
                                        db.jdbcUrl(), db.username(), db.password()));
                assertThat(
                                jdbc.sql(
                                                "select distinct worker from scheduled_work_run"
                                                        + " where task_instance like ?"
                                                        + " and outcome = 'LOST'")
                                        .param(runId + ":%")
                                        .query(String.class)
                                        .list())
                        .as("only the killed worker's attempts are lost")
                        .hasSize(1);
                assertThat(
                                jdbc.sql(
                                                """
                                                select count(*) from scheduled_work_run s
                                                where s.task_instance like ? and s.outcome = 'SKIPPED'
                                                  and not exists (
                                                    select 1 from scheduled_work_run e
                                                    where e.task_instance = s.task_instance
                                                      and e.started_at < s.started_at
                                                      and e.outcome in ('SUCCEEDED', 'LOST')
                                                      and e.worker = (select min(worker)
                                                          from scheduled_work_run
                                                          where task_instance like ?
                                                            and outcome = 'LOST'))
                                                """)
                                        .params(runId + ":%", runId + ":%")
                                        .query(Long.class)
                                        .single())
                        .as("skipped attempts without an earlier attempt of the killed worker")
                        .isZero();

                String schedules =
                        Http.get(survivorPort, "/actuator/schedules", COORDINATOR).body();
                assertThat(schedules).contains("\"name\":\"ops.schedule-drill\"");
                assertThat(schedules).contains("\"name\":\"schedule.prune-history\"");
                assertThat(schedules)
                        .contains("\"name\":\"audit.chain-seal\"")
                        .contains("\"name\":\"audit.chain-verify\"");
                assertThat(Http.get(survivorPort, "/actuator/prometheus").body())
                        .contains("ramsetu_schedule_run_seconds_count{")
                        .contains("ramsetu_schedule_next_run_timestamp_seconds{");
            } finally {
                victim.destroyForcibly();
                survivor.destroy();
                survivor.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process startWorker(Map<String, String> env, String name, int port) throws Exception {
        return WorkerProcesses.start(dir, env, name, port, Duration.ofSeconds(120));
    }

    private static String report(int port, String runId) {
        return Http.get(port, "/actuator/scheduledrill/" + runId, COORDINATOR).body();
    }

    /** Polls the victim every 20 ms until it is early in some attempt; answers that report. */
    private static String killableReport(int victimPort, String runId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            String report = report(victimPort, runId);
            long youngest = field(report, "youngestRunningHereMillis");
            if (field(report, "runningHere") > 0 && youngest >= 0 && youngest < 150) {
                return report;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting to kill the victim", e);
            }
        }
        throw new AssertionError("the victim was never seen early in an attempt within 1 min");
    }

    private static long field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
