package org.ramsetu.app.reprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ramsetu.app.cli.RamsetuCommand;
import org.ramsetu.app.launch.RamsetuLauncher;
import org.ramsetu.app.launch.RunningRamsetu;
import org.ramsetu.app.launch.Target;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.crypto.AuthenticatorApp;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkInterruptedException;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.DirectWorkContext;
import org.ramsetu.infra.testing.TemporaryFolders;
import org.ramsetu.platform.accounts.PasswordHasher;
import org.ramsetu.platform.allocation.runs.RunningAllocation;
import org.ramsetu.platform.api.ContractCheck;
import org.ramsetu.platform.demo.DemoLoader;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.matching.runs.RunningMatch;
import org.ramsetu.platform.reprocessing.Batch;
import org.ramsetu.platform.reprocessing.Batches;
import org.ramsetu.platform.reprocessing.ModelChangeBatch;
import org.ramsetu.platform.reprocessing.ModelWatch;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-processing on a real {@code all} instance of its own (embedded PostgreSQL, in-process
 * scoring): demo donors and patients, coordinators' match and allocation runs, then new kidney and
 * liver models registered as {@code ramsetu train} does and served after the next refresh. The
 * batch body is run directly with a test context that stops and crashes it half-way; the endpoint
 * and the CLI go through the real scheduler.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReprocessingIntegrationTest {

    private static final String COORDINATOR = "coordinator@reprocessing.ramsetu.test";
    private static final String PASSWORD = "reprocessing test password";
    private static final String AUTHENTICATOR = Totp.newSecret();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path dataDir;
    private static RunningRamsetu app;
    private static JdbcClient jdbc;
    private static TransactionTemplate tx;
    private static Batches batches;
    private static ScoringClient scoring;
    private static UUID coordinatorId;
    private static final Map<Organ, String> firstVersions = new HashMap<>();
    private static final Map<Organ, Integer> openMatchRuns = new HashMap<>();
    private static final Map<Organ, Integer> openAllocationRuns = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        dataDir = TemporaryFolders.create("ramsetu-reprocessing-test");
        RamsetuSettings settings =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_DATA_DIR", dataDir.toString(),
                                "RAMSETU_BOOTSTRAP_ADMIN_EMAIL", COORDINATOR,
                                "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD,
                                "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET", AUTHENTICATOR));
        app =
                RamsetuLauncher.start(
                        Target.ALL,
                        settings,
                        OptionalInt.of(0),
                        // a new model is served within a second of being registered
                        "--ramsetu.scoring.refresh-interval=1s",
                        // the watch runs once at start (recording the first versions) and then
                        // only when a test runs it
                        "--ramsetu.reprocessing.watch-interval=1h",
                        // several chunks over a handful of runs
                        "--ramsetu.reprocessing.chunk-size=2");
        var context = app.context();
        jdbc = context.getBean(JdbcClient.class);
        tx = context.getBean(TransactionTemplate.class);
        batches = context.getBean(Batches.class);
        scoring = context.getBean(ScoringClient.class);
        new DemoLoader(
                        jdbc,
                        tx,
                        Clock.systemUTC(),
                        new PasswordHasher().hash(DemoLoader.DEMO_PASSWORD))
                .load(400, 60, 7, 2, n -> {});
        coordinatorId =
                jdbc.sql("select id from account where email = :email")
                        .param("email", COORDINATOR)
                        .query(UUID.class)
                        .single();
        CurrentUser coordinator = new CurrentUser(coordinatorId, Role.ADMIN);
        RunningMatch matching = context.getBean(RunningMatch.class);
        RunningAllocation allocating = context.getBean(RunningAllocation.class);
        for (Organ organ : List.of(Organ.KIDNEY, Organ.LIVER)) {
            firstVersions.put(organ, served(organ));
            List<UUID> requests =
                    jdbc.sql(
                                    "select id from transplant_request where organ = :organ"
                                            + " and status = 'WAITING' order by id limit 5")
                            .param("organ", organ.name())
                            .query(UUID.class)
                            .list();
            for (UUID request : requests) {
                matching.record(matching.prepare(coordinator, request));
            }
            // A run of a request that no longer waits is history, not open.
            set("transplant_request", "MATCHED", requests.get(requests.size() - 1));
            openMatchRuns.put(organ, requests.size() - 1);
            List<UUID> pledges =
                    jdbc.sql(
                                    "select id from pledge where organ = :organ"
                                            + " and status = 'VERIFIED' order by id limit 4")
                            .param("organ", organ.name())
                            .query(UUID.class)
                            .list();
            for (UUID pledge : pledges) {
                allocating.record(allocating.prepare(coordinator, pledge));
            }
            // Nor is a run of a pledge that is no longer verified.
            set("pledge", "WITHDRAWN", pledges.get(pledges.size() - 1));
            openAllocationRuns.put(organ, pledges.size() - 1);
        }
        assertThat(openMatchRuns.get(Organ.KIDNEY)).isEqualTo(4);
        assertThat(openAllocationRuns.get(Organ.KIDNEY)).isEqualTo(3);
        // The watch records the versions served now (if its run at start has not already).
        runWatch();
        // New models, registered where the instance's registry refresh finds them.
        for (Organ organ : List.of(Organ.KIDNEY, Organ.LIVER)) {
            StringWriter out = new StringWriter();
            int exit =
                    RamsetuCommand.commandLine(
                                    new PrintWriter(out),
                                    new PrintWriter(out),
                                    Map.of("RAMSETU_DATA_DIR", dataDir.toString()))
                            .execute(
                                    "train",
                                    "--organ",
                                    organ.name().toLowerCase(),
                                    "--rows",
                                    "20000",
                                    "--seed",
                                    "11");
            assertThat(exit).as(out.toString()).isZero();
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (served(Organ.KIDNEY).equals(firstVersions.get(Organ.KIDNEY))
                || served(Organ.LIVER).equals(firstVersions.get(Organ.LIVER))) {
            assertThat(Instant.now()).as("new models served within a minute").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static void set(String table, String status, UUID id) {
        assertThat(
                        jdbc.sql("update " + table + " set status = :status where id = :id")
                                .param("status", status)
                                .param("id", id)
                                .update())
                .isOne();
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            TemporaryFolders.delete(dataDir);
        }
    }

    @Test
    @Order(1)
    void aBatchStoppedAndCrashedHalfWayWritesEachOpenRunOnceBesideTheOldOne() throws Exception {
        String served = served(Organ.KIDNEY);
        Batch batch =
                batches.create(
                        Organ.KIDNEY,
                        "MODEL",
                        served,
                        firstVersions.get(Organ.KIDNEY),
                        "SCHEDULED",
                        "test");
        ModelChangeBatch body = app.context().getBean(ModelChangeBatch.class);
        var order = new ModelChangeBatch.Order(batch.id().toString());
        long proposedBefore = count("select count(*) from match where status = 'PROPOSED'");
        long runsBefore = count("select count(*) from match_run");

        DirectWorkContext ctx = context().stopAfter(2);
        assertThatThrownBy(() -> body.run(order, ctx)).isInstanceOf(WorkInterruptedException.class);
        assertThat(written(batch.id())).isEqualTo(2);

        // the fourth write fails inside its transaction: rolled back
        ctx.stopAfter(Integer.MAX_VALUE).failInside(4);
        assertThatThrownBy(() -> body.run(order, ctx)).hasMessageContaining("simulated failure");
        assertThat(written(batch.id())).isEqualTo(3);
        assertThat(batches.find(batch.id()).orElseThrow().state()).isEqualTo("FAILED");

        ctx.failInside(-1);
        body.run(order, ctx);
        // A further execution of a finished batch does nothing.
        body.run(order, context());

        int open = openMatchRuns.get(Organ.KIDNEY) + openAllocationRuns.get(Organ.KIDNEY);
        Batch done = batches.find(batch.id()).orElseThrow();
        assertThat(done.state()).isEqualTo("SUCCEEDED");
        assertThat(done.modelVersion()).isEqualTo(served);
        assertThat(done.matchRunsTotal()).isEqualTo(openMatchRuns.get(Organ.KIDNEY));
        assertThat(done.allocationRunsTotal()).isEqualTo(openAllocationRuns.get(Organ.KIDNEY));
        assertThat(done.matchRunsDone() + done.allocationRunsDone()).isEqualTo(open);
        assertThat(done.runsWritten() + done.runsSkipped()).isEqualTo(open);
        assertThat(done.runsWritten()).isEqualTo(open);
        assertThat(written(batch.id())).isEqualTo(open);
        assertThat(count("select count(*) from match_run") - runsBefore)
                .isEqualTo(openMatchRuns.get(Organ.KIDNEY).longValue());
        // Once per old run, each beside its old run, which kept its model version.
        assertThat(
                        count(
                                "select count(distinct reprocessed_from) from ("
                                        + " select reprocessed_from from match_run_reprocessing"
                                        + " where batch_id = '"
                                        + batch.id()
                                        + "' union all select reprocessed_from from"
                                        + " allocation_run_reprocessing where batch_id = '"
                                        + batch.id()
                                        + "') r"))
                .isEqualTo(open);
        assertThat(
                        jdbc.sql(
                                        """
                                        select n.trigger || ' ' || coalesce(n.model_version,
                                            'none') || ' from ' || coalesce(o.model_version,
                                            'none')
                                        from match_run_reprocessing x
                                        join match_run n on n.id = x.run_id
                                        join match_run o on o.id = x.reprocessed_from
                                        where x.batch_id = :batch
                                        union
                                        select n.trigger || ' ' || coalesce(n.model_version,
                                            'none') || ' from ' || coalesce(o.model_version,
                                            'none')
                                        from allocation_run_reprocessing x
                                        join allocation_run n on n.id = x.run_id
                                        join allocation_run o on o.id = x.reprocessed_from
                                        where x.batch_id = :batch
                                        """)
                                .param("batch", batch.id())
                                .query(String.class)
                                .list())
                // a run without any eligible candidate names no model
                .contains("REPROCESSED " + served + " from " + firstVersions.get(Organ.KIDNEY))
                .isSubsetOf(
                        "REPROCESSED " + served + " from " + firstVersions.get(Organ.KIDNEY),
                        "REPROCESSED none from none");
        // A report for coordinators: nothing proposed, nothing superseded.
        assertThat(
                        count(
                                "select count(*) from match m join match_run r on r.id = m.run_id"
                                        + " where r.trigger = 'REPROCESSED'"))
                .isZero();
        assertThat(count("select count(*) from match where status = 'PROPOSED'"))
                .isEqualTo(proposedBefore);
        assertThat(done.correlatedRuns()).isPositive();
        assertThat(done.meanCorrelation()).isBetween(-1.0, 1.0);
        assertThat(done.minCorrelation()).isLessThanOrEqualTo(done.meanCorrelation());
        assertThat(done.meanRankShift()).isGreaterThanOrEqualTo(0.0);
        assertThat(ctx.lastDone()).isEqualTo(open);
        assertThat(
                        count(
                                "select count(*) from audit_event where action in"
                                        + " ('MATCH_RUN_REPROCESSED', 'ALLOCATION_RUN_REPROCESSED')"
                                        + " and detail->>'batch' = '"
                                        + batch.id()
                                        + "'"))
                .isEqualTo(open);
    }

    @Test
    @Order(2)
    void onlyCoordinatorsStartAndReadBatchesAndEachRequestIsAudited() throws Exception {
        assertThat(get("/api/v1/admin/reprocessing/batches", null).statusCode()).isEqualTo(401);
        String donor = login("donor.000001@demo.ramsetu.in", DemoLoader.DEMO_PASSWORD);
        assertThat(get("/api/v1/admin/reprocessing/batches", donor).statusCode()).isEqualTo(403);
        assertThat(
                        post("/api/v1/admin/reprocessing/batches", donor, "{\"organ\":\"liver\"}")
                                .statusCode())
                .isEqualTo(403);
        assertThat(count("select count(*) from reprocessing_batch where organ = 'LIVER'")).isZero();

        String coordinator = login(COORDINATOR, PASSWORD);
        assertThat(
                        post(
                                        "/api/v1/admin/reprocessing/batches",
                                        coordinator,
                                        "{\"organ\":\"lung\"}")
                                .statusCode())
                .isEqualTo(400);
        var started =
                post("/api/v1/admin/reprocessing/batches", coordinator, "{\"organ\":\"liver\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        String id = JSON.readTree(started.body()).path("id").asString();
        assertThat(location).isEqualTo("/api/v1/admin/reprocessing/batches/" + id);

        // The scheduler runs it.
        JsonNode batch = null;
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            var read = get(location, coordinator);
            assertThat(read.statusCode()).isEqualTo(200);
            batch = JSON.readTree(read.body());
            if (batch.path("state").asString().equals("SUCCEEDED")) {
                break;
            }
            Thread.sleep(500);
        }
        int open = openMatchRuns.get(Organ.LIVER) + openAllocationRuns.get(Organ.LIVER);
        assertThat(batch.path("state").asString()).as(batch.toString()).isEqualTo("SUCCEEDED");
        assertThat(batch.path("modelVersion").asString()).isEqualTo(served(Organ.LIVER));
        assertThat(batch.path("figures").path("runsWritten").asInt()).isEqualTo(open);
        assertThat(batch.path("progress").path("matchRunsDone").asInt())
                .isEqualTo(openMatchRuns.get(Organ.LIVER));
        // the scheduler marks its execution done just after the body recorded the batch's end
        assertThat(batch.path("work").path("state").asString()).isIn("RUNNING", "SUCCEEDED");
        assertThat(get("/api/v1/admin/reprocessing/batches", coordinator).body()).contains(id);
        assertThat(
                        get("/api/v1/admin/reprocessing/batches/" + UUID.randomUUID(), coordinator)
                                .statusCode())
                .isEqualTo(404);

        assertThat(
                        count(
                                "select count(*) from audit_event where action ="
                                        + " 'REPROCESSING_BATCH_STARTED' and actor_id = '"
                                        + coordinatorId
                                        + "' and target_id = '"
                                        + id
                                        + "' and detail->>'organ' = 'LIVER'"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "select count(*) from audit_event where action ="
                                        + " 'COORDINATOR_REQUEST' and detail->>'path' = '"
                                        + location
                                        + "' and detail->>'method' = 'GET'"))
                .isPositive();
    }

    @Test
    @Order(3)
    void theWatchStartsABatchForANewVersionAndSchedulesWhatTheCliAskedFor() throws Exception {
        runWatch();
        assertThat(
                        count(
                                "select count(*) from reprocessing_batch where organ = 'KIDNEY'"
                                        + " and reason = 'MODEL' and requested_by = 'model-watch'"
                                        + " and previous_version = '"
                                        + firstVersions.get(Organ.KIDNEY)
                                        + "' and model_version = '"
                                        + served(Organ.KIDNEY)
                                        + "'"))
                .isEqualTo(1);
        assertThat(
                        jdbc.sql(
                                        "select model_version from model_version_seen where organ = 'LIVER'")
                                .query(String.class)
                                .single())
                .isEqualTo(served(Organ.LIVER));

        StringWriter out = new StringWriter();
        int exit =
                RamsetuCommand.commandLine(
                                new PrintWriter(out, true),
                                new PrintWriter(out, true),
                                Map.of("RAMSETU_DATA_DIR", dataDir.toString()))
                        .execute("reprocess", "start", "--organ", "heart");
        assertThat(exit).as(out.toString()).isZero();
        String id = out.toString().replaceAll("(?s).*Batch ([0-9a-f-]{36}) requested.*", "$1");
        Batch requested = batches.find(UUID.fromString(id)).orElseThrow();
        assertThat(requested.state()).isEqualTo("REQUESTED");
        assertThat(requested.requestedBy()).startsWith("cli:");

        runWatch();
        Instant deadline = Instant.now().plusSeconds(120);
        while (!batches.find(requested.id()).orElseThrow().state().equals("SUCCEEDED")) {
            assertThat(Instant.now()).as("the requested batch ran").isBefore(deadline);
            Thread.sleep(500);
        }
        StringWriter status = new StringWriter();
        exit =
                RamsetuCommand.commandLine(
                                new PrintWriter(status, true),
                                new PrintWriter(status, true),
                                Map.of("RAMSETU_DATA_DIR", dataDir.toString()))
                        .execute("reprocess", "status", "--batch", id);
        assertThat(exit).as(status.toString()).isZero();
        assertThat(status.toString())
                .contains("Batch " + id)
                .contains("HEART, reason MODEL")
                .contains("state:            SUCCEEDED");
        StringWriter list = new StringWriter();
        RamsetuCommand.commandLine(
                        new PrintWriter(list, true),
                        new PrintWriter(list, true),
                        Map.of("RAMSETU_DATA_DIR", dataDir.toString()))
                .execute("reprocess", "status");
        assertThat(list.toString()).contains(id).contains("SUCCEEDED");
    }

    // ---- helpers --------------------------------------------------------------------------

    private static void runWatch() throws Exception {
        RecurringWork watch =
                app.context().getBeansOfType(RecurringWork.class).values().stream()
                        .filter(w -> w.name().equals(ModelWatch.WORK))
                        .findFirst()
                        .orElseThrow();
        watch.body().run(context());
    }

    private static String served(Organ organ) {
        return scoring.models().stream()
                .filter(m -> m.organ().equalsIgnoreCase(organ.name()))
                .findFirst()
                .orElseThrow()
                .version();
    }

    private static long written(UUID batch) {
        return count(
                "select (select count(*) from match_run_reprocessing where batch_id = '"
                        + batch
                        + "') + (select count(*) from allocation_run_reprocessing where batch_id = '"
                        + batch
                        + "')");
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String login(String email, String password) throws Exception {
        var r =
                post(
                        "/api/v1/auth/login",
                        null,
                        JSON.writeValueAsString(Map.of("email", email, "password", password)));
        if (r.statusCode() == 202) {
            r =
                    post(
                            "/api/v1/auth/second-factor",
                            null,
                            JSON.writeValueAsString(
                                    Map.of(
                                            "challenge",
                                            JSON.readTree(r.body()).path("challenge").asString(),
                                            "code",
                                            AuthenticatorApp.nextCode(AUTHENTICATOR))));
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("accessToken").asString();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token, null);
    }

    private static HttpResponse<String> post(String path, String token, String body)
            throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token,
                body);
    }

    /** Sends, and holds the exchange to the API description as the in-process tests do. */
    private static HttpResponse<String> send(HttpRequest.Builder request, String token, String json)
            throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return ContractCheck.send(HTTP, request.timeout(Duration.ofSeconds(30)).build(), json);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** The batch body called directly, with the scheduler's promises (DirectWorkContext). */
    private static DirectWorkContext context() {
        return new DirectWorkContext(
                ModelChangeBatch.WORK, "test", Instant.now(), tx, new DirectWorkContext.Ledger());
    }
}
