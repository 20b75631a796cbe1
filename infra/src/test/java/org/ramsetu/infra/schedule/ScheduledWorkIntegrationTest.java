package org.ramsetu.infra.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.EffectLedger;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduler on a real PostgreSQL: recurring work runs once per cluster although two schedulers
 * poll the same table; one-time work follows the scheduling transaction, runs once, and a completed
 * instance is never run again; effects happen once per key; the endpoint and the metrics read what
 * happened. (A worker killed half-way: app's SchedulerKillDrillIntegrationTest.)
 */
class ScheduledWorkIntegrationTest {

    @TempDir static Path dir;
    private static TestDatabase db;
    private static JdbcClient jdbc;
    private static TransactionTemplate tx;

    private static final ScheduleProperties FAST =
            new ScheduleProperties(
                    true,
                    2,
                    Duration.ofMillis(200),
                    Duration.ofSeconds(1),
                    4,
                    Duration.ofSeconds(5),
                    Duration.ofDays(30),
                    Duration.ZERO);

    @BeforeAll
    static void startDatabase() {
        db = TestDatabase.start(dir);
        jdbc = JdbcClient.create(db.dataSource());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        jdbc.sql("create table tick (due timestamptz not null, scheduler text not null)").update();
        jdbc.sql("create table effect (key text not null)").update();
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql(
                        "truncate scheduled_tasks, scheduled_work_run, scheduled_work_state,"
                                + " job_effect, tick, effect")
                .update();
    }

    private static WorkExecutions executions(
            List<RecurringWork> recurring, List<OneTimeWork<?>> oneTime, String worker) {
        WorkRuns runs = new WorkRuns(jdbc);
        return new WorkExecutions(
                recurring,
                oneTime,
                runs,
                new EffectLedger(jdbc),
                tx,
                Clock.systemUTC(),
                new SimpleMeterRegistry(),
                worker);
    }

    private static WorkScheduler client(WorkExecutions executions) {
        return new ClusterWorkScheduler(
                () -> executions,
                declared -> ScheduleConfiguration.client(db.dataSource(), declared),
                new WorkRuns(jdbc));
    }

    @Test
    void recurringWorkRunsOncePerDueTimeAcrossTwoSchedulers() throws Exception {
        List<ClusterScheduler> schedulers =
                List.of("a", "b").stream()
                        .map(
                                name -> {
                                    RecurringWork tick =
                                            new RecurringWork(
                                                    "test.tick",
                                                    WorkSchedule.every(Duration.ofMillis(300)),
                                                    context ->
                                                            jdbc.sql(
                                                                            "insert into tick"
                                                                                    + " values (?, ?)")
                                                                    .params(
                                                                            Timestamp.from(
                                                                                    context
                                                                                            .scheduledFor()),
                                                                            name)
                                                                    .update());
                                    return new ClusterScheduler(
                                            db.dataSource(),
                                            executions(List.of(tick), List.of(), name),
                                            FAST,
                                            name,
                                            new WorkRuns(jdbc));
                                })
                        .toList();
        schedulers.forEach(ClusterScheduler::start);
        try {
            await(() -> count("select count(*) from tick") >= 8, Duration.ofSeconds(30));
        } finally {
            schedulers.forEach(ClusterScheduler::stop);
        }
        assertThat(count("select count(*) from tick"))
                .as("no due time ran twice")
                .isEqualTo(count("select count(distinct due) from tick"));
        assertThat(count("select count(*) from scheduled_tasks where task_name = 'test.tick'"))
                .as("one row for the whole cluster")
                .isEqualTo(1);
    }

    record Note(String text) {}

    @Test
    void oneTimeWorkFollowsTheSchedulingTransactionAndRunsOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        OneTimeWork<Note> note =
                new OneTimeWork<>(
                        "test.note",
                        Note.class,
                        (data, context) -> {
                            calls.incrementAndGet();
                            context.effectOnce(
                                    "insert",
                                    "after-insert",
                                    () -> {
                                        jdbc.sql("insert into effect values (?)")
                                                .param(data.text())
                                                .update();
                                    });
                            context.progress(1, 1, "noted");
                        });
        WorkExecutions executions = executions(List.of(), List.of(note), "w1");
        WorkScheduler scheduler = client(executions);
        Instant now = Instant.now();

        assertThatThrownBy(
                        () ->
                                tx.executeWithoutResult(
                                        s -> {
                                            scheduler.schedule(
                                                    note, "rolled-back", new Note("no"), now);
                                            throw new IllegalStateException("rollback");
                                        }))
                .hasMessage("rollback");
        assertThat(scheduler.status("test.note", "rolled-back")).isEmpty();

        tx.executeWithoutResult(
                s -> assertThat(scheduler.schedule(note, "n1", new Note("yes"), now)).isTrue());
        assertThat(scheduler.schedule(note, "n1", new Note("again"), now))
                .as("an instance is scheduled once")
                .isFalse();
        assertThat(scheduler.status("test.note", "n1").orElseThrow().state())
                .isEqualTo(WorkStatus.State.SCHEDULED);

        ClusterScheduler running =
                new ClusterScheduler(db.dataSource(), executions, FAST, "w1", new WorkRuns(jdbc));
        running.start();
        try {
            await(
                    () ->
                            scheduler
                                    .status("test.note", "n1")
                                    .map(s -> s.state() == WorkStatus.State.SUCCEEDED)
                                    .orElse(false),
                    Duration.ofSeconds(20));
        } finally {
            running.stop();
        }
        WorkStatus done = scheduler.status("test.note", "n1").orElseThrow();
        assertThat(done.done()).isEqualTo(1);
        assertThat(done.message()).isEqualTo("noted");
        assertThat(done.worker()).isEqualTo("w1");
        assertThat(calls).hasValue(1);
        assertThat(jdbc.sql("select key from effect").query(String.class).list())
                .containsExactly("yes");
        assertThat(new WorkRuns(jdbc).checkpoint("test.note", "n1")).contains("after-insert");
    }

    @Test
    void aCompletedInstanceWhoseRowSurvivedIsSkippedNotRunAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        OneTimeWork<Note> note =
                new OneTimeWork<>("test.note", Note.class, (d, c) -> calls.incrementAndGet());
        WorkExecutions executions = executions(List.of(), List.of(note), "w2");
        WorkScheduler scheduler = client(executions);
        // As after a worker that finished the body but died before db-scheduler removed its row.
        new WorkRuns(jdbc).complete("test.note", "n2", Instant.now());
        scheduler.schedule(note, "n2", new Note("x"), Instant.now());

        ClusterScheduler running =
                new ClusterScheduler(db.dataSource(), executions, FAST, "w2", new WorkRuns(jdbc));
        running.start();
        try {
            await(() -> count("select count(*) from scheduled_tasks") == 0, Duration.ofSeconds(20));
        } finally {
            running.stop();
        }
        assertThat(calls).hasValue(0);
        assertThat(jdbc.sql("select outcome from scheduled_work_run").query(String.class).list())
                .containsExactly("SKIPPED");
    }

    @Test
    void aFailingInstanceIsRecordedAndRetriedLater() throws Exception {
        OneTimeWork<Note> failing =
                new OneTimeWork<>(
                        "test.failing",
                        Note.class,
                        (d, c) -> {
                            throw new IllegalStateException("lab system unreachable");
                        });
        WorkExecutions executions = executions(List.of(), List.of(failing), "w3");
        WorkScheduler scheduler = client(executions);
        scheduler.schedule(failing, "f1", new Note("x"), Instant.now());
        ClusterScheduler running =
                new ClusterScheduler(db.dataSource(), executions, FAST, "w3", new WorkRuns(jdbc));
        running.start();
        try {
            await(
                    () ->
                            scheduler
                                    .status("test.failing", "f1")
                                    .map(s -> s.state() == WorkStatus.State.RETRYING)
                                    .orElse(false),
                    Duration.ofSeconds(20));
        } finally {
            running.stop();
        }
        WorkStatus status = scheduler.status("test.failing", "f1").orElseThrow();
        assertThat(status.error()).contains("lab system unreachable");
        assertThat(status.scheduledFor())
                .as("retried after the first back-off")
                .isAfter(Instant.now().plus(WorkExecutions.FIRST_RETRY).minusSeconds(5));

        SchedulesEndpoint endpoint =
                new SchedulesEndpoint(
                        executions,
                        new ScheduledRows(jdbc),
                        new WorkRuns(jdbc),
                        scheduler,
                        Clock.systemUTC());
        @SuppressWarnings("unchecked")
        Map<String, Object> entry =
                ((List<Map<String, Object>>) endpoint.overview().get("work"))
                        .stream()
                                .filter(w -> w.get("name").equals("test.failing"))
                                .findFirst()
                                .orElseThrow();
        assertThat(entry).containsEntry("kind", "one-time").containsEntry("consecutiveFailures", 1);
        assertThat(endpoint.instance("test.failing", "f1")).containsKey("attempts");
        assertThat(endpoint.instance("test.failing", "nope")).isNull();

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new ScheduleMetrics(
                        new ScheduledRows(jdbc),
                        new WorkRuns(jdbc),
                        List.of("test.failing"),
                        Clock.systemUTC(),
                        Duration.ZERO)
                .bindTo(meters);
        assertThat(
                        meters.get("ramsetu.schedule.consecutive.failures")
                                .tag("task", "test.failing")
                                .gauge()
                                .value())
                .isEqualTo(1.0);
        assertThat(
                        meters.get("ramsetu.schedule.waiting")
                                .tag("task", "test.failing")
                                .gauge()
                                .value())
                .isEqualTo(1.0);
        assertThat(
                        meters.get("ramsetu.schedule.last.duration.seconds")
                                .tag("task", "test.failing")
                                .gauge()
                                .value())
                .isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void anEffectHappensOncePerKeyWithinAnExecution() {
        WorkRuns runs = new WorkRuns(jdbc);
        RunningWork first = context(runs, "e1");
        RunningWork again = context(runs, "e1");
        RunningWork other = context(runs, "e2");

        assertThat(first.effectOnce("k", "cp-1", () -> insert("e1-k"))).isTrue();
        assertThat(again.effectOnce("k", "cp-2", () -> insert("e1-k-again"))).isFalse();
        assertThat(other.effectOnce("k", null, () -> insert("e2-k"))).isTrue();

        assertThat(jdbc.sql("select key from effect order by key").query(String.class).list())
                .containsExactly("e1-k", "e2-k");
        assertThat(again.checkpoint()).contains("cp-1");
        assertThatThrownBy(
                        () ->
                                first.effectOnce(
                                        "boom",
                                        "cp-3",
                                        () -> {
                                            insert("half");
                                            throw new IllegalStateException("boom");
                                        }))
                .hasMessage("boom");
        assertThat(count("select count(*) from effect where key = 'half'"))
                .as("a failed effect leaves nothing behind, not even its ledger entry")
                .isZero();
        assertThat(first.effectOnce("boom", "cp-3", () -> insert("half"))).isTrue();
    }

    @Test
    void progressIsWrittenEvenFromInsideAReadOnlyTransaction() {
        WorkRuns runs = new WorkRuns(jdbc);
        RunningWork work = context(runs, "p1");
        TransactionTemplate readOnly = new TransactionTemplate(tx.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(s -> work.progress(10, 20, "half-way"));
        assertThat(runs.progressOf("test.effects", "p1").orElseThrow().done()).isEqualTo(10);
    }

    @Test
    void namesAndInstancesAreChecked() {
        assertThatThrownBy(
                        () ->
                                new RecurringWork(
                                        "Bad Name", WorkSchedule.every(Duration.ZERO), c -> {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                WorkSchedule.monthlyOn(
                                        31, java.time.LocalTime.NOON, java.time.ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
        OneTimeWork<Note> note = new OneTimeWork<>("test.note", Note.class, (d, c) -> {});
        WorkScheduler scheduler = client(executions(List.of(), List.of(note), "w"));
        assertThatThrownBy(
                        () -> scheduler.schedule(note, "has space", new Note("x"), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        OneTimeWork<Note> undeclared =
                new OneTimeWork<>("test.undeclared", Note.class, (d, c) -> {});
        assertThatThrownBy(() -> scheduler.schedule(undeclared, "i", new Note("x"), Instant.now()))
                .hasMessageContaining("not a declared bean");
    }

    private static RunningWork context(WorkRuns runs, String instance) {
        return new RunningWork(
                "test.effects",
                instance,
                instance,
                Instant.now(),
                runs,
                new EffectLedger(jdbc),
                tx,
                Clock.systemUTC(),
                () -> false);
    }

    private static void insert(String key) {
        jdbc.sql("insert into effect values (?)").param(key).update();
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void await(BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit);
            }
            Thread.sleep(100);
        }
    }
}
