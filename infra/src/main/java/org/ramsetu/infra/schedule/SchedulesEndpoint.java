package org.ramsetu.infra.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/schedules}: every kind of scheduled work with its schedule, next run, what runs
 * now (where, with progress), the last run (outcome, duration) and failures; {@code
 * /actuator/schedules/{work}} its waiting executions and recent attempts; {@code
 * /actuator/schedules/{work}/{instance}} one instance. A write to {@code
 * /actuator/schedules/{work}} runs recurring work now (its next due time moves to now); the
 * security filter audits it.
 */
@Endpoint(id = "schedules")
public class SchedulesEndpoint {

    private static final int LIST_LIMIT = 50;

    private final WorkExecutions executions;
    private final ScheduledRows rows;
    private final WorkRuns runs;
    private final WorkScheduler scheduler;
    private final Clock clock;

    SchedulesEndpoint(
            WorkExecutions executions,
            ScheduledRows rows,
            WorkRuns runs,
            WorkScheduler scheduler,
            Clock clock) {
        this.executions = executions;
        this.rows = rows;
        this.runs = runs;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @ReadOperation
    public Map<String, Object> overview() {
        Map<String, ScheduledRows.TaskSummary> summaries =
                rows.summaries().stream()
                        .collect(
                                Collectors.toMap(
                                        ScheduledRows.TaskSummary::task, Function.identity()));
        Map<String, WorkRuns.Run> lastRuns =
                runs.lastFinishedRuns().stream()
                        .collect(Collectors.toMap(WorkRuns.Run::task, Function.identity()));
        Map<String, List<WorkRuns.Run>> running =
                runs.running().stream().collect(Collectors.groupingBy(WorkRuns.Run::task));
        TreeSet<String> names = new TreeSet<>(executions.recurring().keySet());
        names.addAll(executions.oneTime().keySet());
        names.addAll(summaries.keySet());
        List<Map<String, Object>> work = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            RecurringWork recurring = executions.recurring().get(name);
            entry.put(
                    "kind",
                    recurring != null
                            ? "recurring"
                            : executions.oneTime().containsKey(name) ? "one-time" : "unknown");
            if (recurring != null) {
                entry.put("schedule", recurring.schedule().describe());
            }
            ScheduledRows.TaskSummary summary = summaries.get(name);
            entry.put("waiting", summary == null ? 0 : summary.pending());
            entry.put("nextRun", summary == null ? null : summary.nextDue());
            entry.put("consecutiveFailures", summary == null ? 0 : summary.consecutiveFailures());
            entry.put("lastSuccess", summary == null ? null : summary.lastSuccess());
            entry.put("lastFailure", summary == null ? null : summary.lastFailure());
            entry.put(
                    "running",
                    running.getOrDefault(name, List.of()).stream().map(this::attempt).toList());
            entry.put("lastRun", Optional.ofNullable(lastRuns.get(name)).map(this::attempt));
            work.add(entry);
        }
        return Map.of("work", work, "at", clock.instant());
    }

    @ReadOperation
    public Map<String, Object> work(@Selector String work) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", work);
        body.put(
                "executions",
                rows.executions(work, LIST_LIMIT).stream()
                        .map(
                                e -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("instance", e.instance());
                                    m.put("due", e.due());
                                    m.put("running", e.picked());
                                    m.put("worker", e.pickedBy());
                                    m.put("lastHeartbeat", e.lastHeartbeat());
                                    m.put("consecutiveFailures", e.consecutiveFailures());
                                    return m;
                                })
                        .toList());
        body.put(
                "recentAttempts",
                runs.recentRuns(work, LIST_LIMIT).stream().map(this::attempt).toList());
        return body;
    }

    @ReadOperation
    public Map<String, Object> instance(@Selector String work, @Selector String instance) {
        Optional<WorkStatus> status = scheduler.status(work, instance);
        if (status.isEmpty()) {
            return null; // 404
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.get());
        body.put("attempts", runs.runsOf(work, instance).stream().map(this::attempt).toList());
        return body;
    }

    /** Runs recurring work now: its waiting execution becomes due at once. */
    @WriteOperation
    public Map<String, Object> runNow(@Selector String work) {
        if (!executions.recurring().containsKey(work)) {
            throw new InvalidEndpointRequestException(
                    work + " is not recurring work of this release", "not recurring work");
        }
        boolean moved = rows.moveWaiting(work, "recurring", clock.instant());
        return Map.of(
                "work",
                work,
                "runNow",
                moved,
                "reason",
                moved ? "due now; a scheduler picks it within its polling interval" : "running");
    }

    private Map<String, Object> attempt(WorkRuns.Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", run.instance());
        m.put("scheduledFor", run.scheduledFor());
        m.put("worker", run.worker());
        m.put("startedAt", run.startedAt());
        m.put("finishedAt", run.finishedAt());
        m.put("durationSeconds", run.durationSeconds());
        m.put("outcome", run.outcome());
        m.put("error", run.error());
        if ("RUNNING".equals(run.outcome())) {
            String key =
                    executions.recurring().containsKey(run.task())
                            ? "recurring@" + run.scheduledFor()
                            : run.instance();
            runs.progressOf(run.task(), key)
                    .ifPresent(
                            p ->
                                    m.put(
                                            "progress",
                                            Map.of(
                                                    "done", p.done(),
                                                    "total", p.total(),
                                                    "message",
                                                            p.message() == null ? "" : p.message(),
                                                    "updatedAt", p.updatedAt())));
        }
        return m;
    }
}
