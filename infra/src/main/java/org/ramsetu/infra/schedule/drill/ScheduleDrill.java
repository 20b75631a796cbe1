package org.ramsetu.infra.schedule.drill;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.WorkInterruptedException;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduler's kill drill: N one-time instances, each working for a while and then applying one
 * effect row; kill a worker half-way and every instance must end with exactly one effect, and no
 * instance may succeed twice.
 */
public class ScheduleDrill {

    public static final String WORK = "ops.schedule-drill";
    public static final int MAX_INSTANCES = 10_000;
    private static final int BATCH = 500;

    /** One instance's data. */
    public record Instance(String runId, int seq, long workMillis) {}

    private final WorkScheduler scheduler;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final OneTimeWork<Instance> work;
    private final String worker;

    public ScheduleDrill(
            WorkScheduler scheduler,
            OneTimeWork<Instance> work,
            TransactionTemplate tx,
            JdbcClient jdbc,
            Clock clock,
            String worker) {
        this.scheduler = scheduler;
        this.work = work;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
        this.worker = worker;
    }

    /** Works for the instance's time (stopping early on shutdown), then applies its effect once. */
    public static OneTimeWork<Instance> work(JdbcClient jdbc, Clock clock, String worker) {
        return new OneTimeWork<>(
                WORK,
                Instance.class,
                (instance, context) -> {
                    long until = System.nanoTime() + instance.workMillis() * 1_000_000;
                    while (System.nanoTime() < until) {
                        if (context.stopping()) {
                            throw new WorkInterruptedException(WORK);
                        }
                        Thread.sleep(Math.max(1, Math.min(50, instance.workMillis())));
                    }
                    context.effectOnce(
                            "effect",
                            null,
                            () -> {
                                jdbc.sql(
                                                "insert into schedule_drill_effect (run_id, seq,"
                                                        + " worker, applied_at) values (?, ?, ?, ?)")
                                        .params(
                                                instance.runId(),
                                                instance.seq(),
                                                worker,
                                                Timestamp.from(clock.instant()))
                                        .update();
                            });
                });
    }

    public OneTimeWork<Instance> work() {
        return work;
    }

    public String start(int instances, Duration workTime) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    "instances must be 1-" + MAX_INSTANCES + " (got " + instances + ")");
        }
        if (workTime.isNegative() || workTime.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("workMillis must be 0-60000");
        }
        String runId = UUID.randomUUID().toString();
        for (int from = 0; from < instances; from += BATCH) {
            int start = from;
            int end = Math.min(instances, from + BATCH);
            tx.executeWithoutResult(
                    s -> {
                        for (int seq = start; seq < end; seq++) {
                            scheduler.schedule(
                                    work,
                                    runId + ":" + seq,
                                    new Instance(runId, seq, workTime.toMillis()),
                                    clock.instant());
                        }
                    });
        }
        return runId;
    }

    /**
     * What happened to a drill run: effects applied, attempts by outcome, instances that succeeded
     * more than once (must be 0), and {@code settled}: the distinct instances with a {@code
     * SUCCEEDED} or {@code SKIPPED} attempt. Attempts by outcome need not add up to instances. A
     * worker killed after an attempt's body completed, either before it recorded the attempt as
     * succeeded or before the scheduler removed the instance, leaves the instance to be taken over,
     * and the next attempt finds it completed and is {@code SKIPPED}. {@code runningHere} counts
     * the attempts the answering worker is running now, and {@code youngestRunningHereMillis} is
     * how long ago the latest of them started (-1 when none): a drill kills a worker only while it
     * is early in some attempt, because a worker between two batches of attempts has nothing to
     * lose.
     */
    public record Report(
            String runId,
            long applied,
            long succeeded,
            long lost,
            long skipped,
            long failed,
            long runTwice,
            long settled,
            long waiting,
            long runningHere,
            long youngestRunningHereMillis) {}

    public Report report(String runId) {
        long applied =
                jdbc.sql("select count(*) from schedule_drill_effect where run_id = ?")
                        .param(runId)
                        .query(Long.class)
                        .single();
        String prefix = runId + ":%";
        long waiting =
                jdbc.sql(
                                "select count(*) from scheduled_tasks where task_name = ?"
                                        + " and task_instance like ?")
                        .params(WORK, prefix)
                        .query(Long.class)
                        .single();
        long runTwice =
                jdbc.sql(
                                "select count(*) from (select task_instance from scheduled_work_run"
                                        + " where task_name = ? and task_instance like ?"
                                        + " and outcome = 'SUCCEEDED' group by task_instance"
                                        + " having count(*) > 1) twice")
                        .params(WORK, prefix)
                        .query(Long.class)
                        .single();
        long settled =
                jdbc.sql(
                                "select count(distinct task_instance) from scheduled_work_run"
                                        + " where task_name = ? and task_instance like ?"
                                        + " and outcome in ('SUCCEEDED', 'SKIPPED')")
                        .params(WORK, prefix)
                        .query(Long.class)
                        .single();
        RunningHere here =
                jdbc.sql(
                                "select count(*) as attempts, max(started_at) as latest"
                                        + " from scheduled_work_run where task_name = ?"
                                        + " and task_instance like ? and outcome = 'RUNNING'"
                                        + " and worker = ?")
                        .params(WORK, prefix, worker)
                        .query(
                                (rs, row) ->
                                        new RunningHere(
                                                rs.getLong("attempts"), rs.getTimestamp("latest")))
                        .single();
        return new Report(
                runId,
                applied,
                outcomes(prefix, "SUCCEEDED"),
                outcomes(prefix, "LOST"),
                outcomes(prefix, "SKIPPED"),
                outcomes(prefix, "FAILED"),
                runTwice,
                settled,
                waiting,
                here.attempts(),
                here.latest() == null
                        ? -1
                        : Math.max(
                                0,
                                Duration.between(here.latest().toInstant(), clock.instant())
                                        .toMillis()));
    }

    private record RunningHere(long attempts, Timestamp latest) {}

    private long outcomes(String prefix, String outcome) {
        return jdbc.sql(
                        "select count(*) from scheduled_work_run where task_name = ?"
                                + " and task_instance like ? and outcome = ?")
                .params(WORK, prefix, outcome)
                .query(Long.class)
                .single();
    }
}
