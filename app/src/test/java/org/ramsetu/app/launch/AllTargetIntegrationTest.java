package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.OutgoingMail;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.Lease;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(OutputCaptureExtension.class)
class AllTargetIntegrationTest {

    @TempDir static Path dataDir;
    private static RunningRamsetu ramsetu;

    @BeforeAll
    static void startAllOnEmbeddedDefaults() {
        RamsetuSettings settings =
                RamsetuSettings.fromEnvironment(Map.of("RAMSETU_DATA_DIR", dataDir.toString()));
        ramsetu = RamsetuLauncher.start(Target.ALL, settings, OptionalInt.of(0));
    }

    @AfterAll
    static void stop() {
        if (ramsetu != null) {
            ramsetu.close();
        }
    }

    @Test
    void readinessIsUpWithDatabaseAndMigrations() {
        var response = Http.get(ramsetu.port(), "/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("\"db\":{\"status\":\"UP\"}")
                .contains("\"migrations\":{\"status\":\"UP\"}")
                .contains("\"queue\":{\"status\":\"UP\"}");
        assertThat(Http.get(ramsetu.port(), "/actuator/health/liveness").statusCode())
                .isEqualTo(200);
    }

    @Test
    void migrationsAreAppliedToTheEmbeddedDatabaseInTheDataFolder() {
        JdbcClient jdbc = ramsetu.context().getBean(JdbcClient.class);

        List<String> applied =
                jdbc.sql(
                                "select version from flyway_schema_history where success order"
                                        + " by installed_rank")
                        .query(String.class)
                        .list();

        assertThat(applied).startsWith("1");
        assertThat(dataDir.resolve("pg/PG_VERSION")).exists();
    }

    @Test
    void prometheusScrapeHasJvmHttpAndPoolMetricsTaggedByTargetAndInstance() {
        Http.get(ramsetu.port(), "/");
        String instance = ramsetu.context().getBean(LaunchDescription.class).instanceId();

        var scrape = Http.get(ramsetu.port(), "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        for (String metric :
                List.of(
                        "jvm_memory_used_bytes",
                        "http_server_requests_seconds_count",
                        "hikaricp_connections_active",
                        "tomcat_sessions_active_current_sessions",
                        "http_server_requests_seconds_bucket",
                        "ramsetu_outbox_incomplete_events",
                        "ramsetu_outbox_oldest_age_seconds",
                        "ramsetu_queue_depth")) {
            assertThat(scrape.body().lines().filter(l -> l.startsWith(metric + "{")))
                    .as(metric)
                    .isNotEmpty()
                    .allSatisfy(
                            line ->
                                    assertThat(line)
                                            .contains("application=\"ramsetu\"")
                                            .contains("target=\"all\"")
                                            .contains("instance=\"" + instance + "\""));
        }
        // The latency SLO (95 % under 500 ms) is read from this bucket.
        assertThat(scrape.body())
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.5\"");
    }

    @Test
    void openApiDescriptionDocumentsTheHttpApi() {
        var docs = Http.get(ramsetu.port(), "/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"openapi\"")
                .contains("/v1/models/{organ}/rank")
                .contains("/v1/models/{organ}/score");
        assertThat(Http.get(ramsetu.port(), "/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void landingPageIsServed() {
        var page = Http.get(ramsetu.port(), "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>RamSetu");
    }

    @Test
    void logsAreJsonLinesAndRequestEventsCarryTraceAndSpanIds(CapturedOutput output)
            throws InterruptedException {
        Http.get(ramsetu.port(), "/index.html");

        // The event is written after the response has gone out: wait for it briefly.
        String requestLine = null;
        for (int i = 0; i < 40 && requestLine == null; i++) {
            requestLine =
                    output.getOut()
                            .lines()
                            .filter(l -> l.contains("\"message\":\"GET /index.html 200"))
                            .findFirst()
                            .orElse(null);
            Thread.sleep(50);
        }
        assertThat(requestLine).as("request log event").isNotNull();
        assertThat(requestLine)
                .startsWith("{")
                .endsWith("}")
                .containsPattern("\"traceId\":\"[0-9a-f]{32}\"")
                .containsPattern("\"spanId\":\"[0-9a-f]{16}\"");
    }

    @Test
    void jobScheduledInACommittedTransactionReachesTheQueueOnce() throws Exception {
        var context = ramsetu.context();
        JobScheduler scheduler = context.getBean(JobScheduler.class);
        JobQueue queue = context.getBean(JobQueue.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        JobType type = JobType.of("test.outbox-commit");

        tx.executeWithoutResult(s -> scheduler.schedule(new NewJob(type, "k1", "{}")));
        tx.executeWithoutResult(s -> scheduler.schedule(new NewJob(type, "k1", "{}")));

        assertThat(awaitLease(queue, type)).isPresent();
        assertThat(queue.lease(type, "probe", Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void jobScheduledInARolledBackTransactionIsNeverSent() throws Exception {
        var context = ramsetu.context();
        JobScheduler scheduler = context.getBean(JobScheduler.class);
        JobQueue queue = context.getBean(JobQueue.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        JobType rolledBack = JobType.of("test.outbox-rollback");
        JobType committed = JobType.of("test.outbox-after");

        tx.executeWithoutResult(
                s -> {
                    scheduler.schedule(new NewJob(rolledBack, "k1", "{}"));
                    s.setRollbackOnly();
                });
        // A later committed job proves the relay ran in between.
        tx.executeWithoutResult(s -> scheduler.schedule(new NewJob(committed, "k1", "{}")));

        assertThat(awaitLease(queue, committed)).isPresent();
        assertThat(queue.lease(rolledBack, "probe", Duration.ofSeconds(30))).isEmpty();
        assertThat(queue.stats(rolledBack).depth()).isZero();
    }

    private static Optional<Lease> awaitLease(JobQueue queue, JobType type)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Lease> lease = queue.lease(type, "probe", Duration.ofSeconds(30));
            if (lease.isPresent()) {
                return lease;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    @Test
    void queuedMailIsDeliveredByTheInProcessWorkerAsAnEmlFile() throws Exception {
        var context = ramsetu.context();
        QueuedMail mail = context.getBean(QueuedMail.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);

        tx.executeWithoutResult(
                s ->
                        mail.send(
                                OutgoingMail.text(
                                        "welcome:test-1",
                                        MailAddress.of("donor@example.org"),
                                        "Welcome to RamSetu",
                                        "Your code is 123456")));

        Path folder = dataDir.resolve("mail");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && !hasEml(folder)) {
            Thread.sleep(100);
        }
        assertThat(hasEml(folder)).as("an .eml file in " + folder).isTrue();
        try (var files = java.nio.file.Files.list(folder)) {
            String eml =
                    java.nio.file.Files.readString(
                            files.filter(f -> f.toString().endsWith(".eml"))
                                    .findFirst()
                                    .orElseThrow());
            assertThat(eml).contains("Subject: Welcome to RamSetu").contains("donor@example.org");
        }
    }

    private static boolean hasEml(Path folder) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return false;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            return files.anyMatch(f -> f.toString().endsWith(".eml"));
        }
    }

    @Test
    void thisInstanceIsRegisteredAndListedToCoordinatorsOnly() {
        String token =
                CoordinatorTokens.signedWith(DataFolderJwtSecret.loadOrCreate(dataDir).value());
        String donorToken =
                CoordinatorTokens.donorSignedWith(
                        DataFolderJwtSecret.loadOrCreate(dataDir).value());

        var instances = Http.get(ramsetu.port(), "/actuator/instances", token);

        assertThat(Http.get(ramsetu.port(), "/actuator/instances").statusCode()).isEqualTo(401);
        assertThat(Http.get(ramsetu.port(), "/actuator/instances", donorToken).statusCode())
                .isEqualTo(403);
        assertThat(instances.statusCode()).isEqualTo(200);
        assertThat(instances.body())
                .contains(ramsetu.context().getBean(LaunchDescription.class).instanceId());
    }
}
