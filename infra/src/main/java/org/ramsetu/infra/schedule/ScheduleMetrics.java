package org.ramsetu.infra.schedule;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per kind of work, from the shared tables (so every database target reports the cluster's view):
 * {@code ramsetu_schedule_next_run_timestamp_seconds}, {@code ramsetu_schedule_overdue_seconds}
 * (how long the oldest due execution has waited for a scheduler: no worker runs, or all are busy),
 * {@code ramsetu_schedule_running}, {@code ramsetu_schedule_waiting}, {@code
 * ramsetu_schedule_consecutive_failures}, {@code ramsetu_schedule_last_duration_seconds} and {@code
 * ramsetu_schedule_last_success_timestamp_seconds}. Read at most once per refresh, whatever the
 * scrape rate; NaN while the database cannot be read.
 */
final class ScheduleMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleMetrics.class);

    private final ScheduledRows rows;
    private final WorkRuns runs;
    private final Collection<String> names;
    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot;

    private static final Duration READ_LIMIT = Duration.ofSeconds(1);

    private static final Executor READER =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "schedule-metrics");
                        t.setDaemon(true);
                        return t;
                    });

    private record Snapshot(
            Map<String, ScheduledRows.TaskSummary> summaries,
            Map<String, WorkRuns.Run> lastRuns,
            Instant takenAt,
            boolean failed) {}

    ScheduleMetrics(
            ScheduledRows rows,
            WorkRuns runs,
            Collection<String> names,
            Clock clock,
            Duration refresh) {
        this.rows = rows;
        this.runs = runs;
        this.names = names;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : names) {
            summaryGauge(
                    registry,
                    "ramsetu.schedule.next.run.timestamp.seconds",
                    name,
                    s -> s.nextDue() == null ? Double.NaN : s.nextDue().toEpochMilli() / 1000.0,
                    "When the next execution is due");
            summaryGauge(
                    registry,
                    "ramsetu.schedule.overdue.seconds",
                    name,
                    s -> {
                        if (s.oldestWaitingDue() == null) {
                            return 0;
                        }
                        long late =
                                clock.instant().toEpochMilli()
                                        - s.oldestWaitingDue().toEpochMilli();
                        return Math.max(0, late) / 1000.0;
                    },
                    "How long the oldest due execution has waited for a scheduler");
            summaryGauge(
                    registry,
                    "ramsetu.schedule.running",
                    name,
                    ScheduledRows.TaskSummary::running,
                    "Executions running now");
            summaryGauge(
                    registry,
                    "ramsetu.schedule.waiting",
                    name,
                    ScheduledRows.TaskSummary::pending,
                    "Executions scheduled, not yet running");
            summaryGauge(
                    registry,
                    "ramsetu.schedule.consecutive.failures",
                    name,
                    ScheduledRows.TaskSummary::consecutiveFailures,
                    "Failures in a row of an execution still scheduled");
            runGauge(
                    registry,
                    "ramsetu.schedule.last.duration.seconds",
                    name,
                    r -> r.durationSeconds() == null ? Double.NaN : r.durationSeconds(),
                    "Duration of the last finished attempt");
            summaryGauge(
                    registry,
                    "ramsetu.schedule.last.success.timestamp.seconds",
                    name,
                    s ->
                            s.lastSuccess() == null
                                    ? Double.NaN
                                    : s.lastSuccess().toEpochMilli() / 1000.0,
                    "When an execution last succeeded");
        }
    }

    private void summaryGauge(
            MeterRegistry registry,
            String metric,
            String task,
            ToDoubleFunction<ScheduledRows.TaskSummary> value,
            String description) {
        Gauge.builder(
                        metric,
                        () -> {
                            Snapshot s = current();
                            if (s.failed()) {
                                return Double.NaN;
                            }
                            ScheduledRows.TaskSummary summary = s.summaries().get(task);
                            return summary == null
                                    ? emptyValue(metric)
                                    : value.applyAsDouble(summary);
                        })
                .description(description)
                .tag("task", task)
                .register(registry);
    }

    /** A kind of work with no row (one-time work with nothing scheduled): zero, or unknown. */
    private static double emptyValue(String metric) {
        return metric.contains("timestamp") ? Double.NaN : 0;
    }

    private void runGauge(
            MeterRegistry registry,
            String metric,
            String task,
            ToDoubleFunction<WorkRuns.Run> value,
            String description) {
        Gauge.builder(
                        metric,
                        () -> {
                            Snapshot s = current();
                            WorkRuns.Run run = s.failed() ? null : s.lastRuns().get(task);
                            return run == null ? Double.NaN : value.applyAsDouble(run);
                        })
                .description(description)
                .tag("task", task)
                .register(registry);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.takenAt().plus(refresh).isBefore(now)) {
            s = read(now);
            snapshot = s;
        }
        return s;
    }

    private synchronized Snapshot read(Instant now) {
        Snapshot s = snapshot;
        if (s != null && !s.takenAt().plus(refresh).isBefore(now)) {
            return s; // another scrape thread read it meanwhile
        }
        // A scrape never waits on a database that hangs: the read gets a second, on its own thread.
        CompletableFuture<Snapshot> reading =
                CompletableFuture.supplyAsync(
                        () ->
                                new Snapshot(
                                        rows.summaries().stream()
                                                .collect(
                                                        Collectors.toMap(
                                                                ScheduledRows.TaskSummary::task,
                                                                Function.identity())),
                                        runs.lastFinishedRuns().stream()
                                                .collect(
                                                        Collectors.toMap(
                                                                WorkRuns.Run::task,
                                                                Function.identity())),
                                        now,
                                        false),
                        READER);
        try {
            return reading.get(READ_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Snapshot(Map.of(), Map.of(), now, true);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("schedule metrics unavailable: {}", e.toString());
            return new Snapshot(Map.of(), Map.of(), now, true);
        }
    }
}
