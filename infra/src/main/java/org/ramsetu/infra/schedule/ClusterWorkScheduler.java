package org.ramsetu.infra.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link WorkScheduler} on db-scheduler's client; its connections join the caller's transaction.
 * The declared work is looked up on first use, not at construction: work bodies schedule other
 * work, so the work beans depend on this scheduler and it cannot depend on them when built.
 */
final class ClusterWorkScheduler implements WorkScheduler {

    private final Supplier<WorkExecutions> declared;
    private final Function<WorkExecutions, SchedulerClient> clientFor;
    private final WorkRuns runs;
    private volatile WorkExecutions executions;
    private volatile SchedulerClient client;

    ClusterWorkScheduler(
            Supplier<WorkExecutions> declared,
            Function<WorkExecutions, SchedulerClient> clientFor,
            WorkRuns runs) {
        this.declared = declared;
        this.clientFor = clientFor;
        this.runs = runs;
    }

    private synchronized void resolve() {
        if (client == null) {
            executions = declared.get();
            client = clientFor.apply(executions);
        }
    }

    private SchedulerClient client() {
        if (client == null) {
            resolve();
        }
        return client;
    }

    private WorkExecutions executions() {
        if (executions == null) {
            resolve();
        }
        return executions;
    }

    @Override
    public <T> boolean schedule(OneTimeWork<T> work, String instanceId, T data, Instant at) {
        WorkNames.checkInstance(instanceId);
        return client().scheduleIfNotExists(executions().task(work).instance(instanceId, data), at);
    }

    @Override
    public boolean reschedule(String workName, String instanceId, Instant at) {
        Optional<ScheduledExecution<Object>> execution = pending(workName, instanceId);
        if (execution.isEmpty() || execution.get().isPicked()) {
            return false;
        }
        return client().reschedule(TaskInstanceId.of(workName, instanceId), at);
    }

    @Override
    public boolean cancel(String workName, String instanceId) {
        Optional<ScheduledExecution<Object>> execution = pending(workName, instanceId);
        if (execution.isEmpty() || execution.get().isPicked()) {
            return false;
        }
        client().cancel(TaskInstanceId.of(workName, instanceId));
        return true;
    }

    @Override
    public Optional<WorkStatus> status(String workName, String instanceId) {
        Optional<ScheduledExecution<Object>> pending = pending(workName, instanceId);
        List<WorkRuns.Run> attempts = runs.runsOf(workName, instanceId);
        Optional<WorkRuns.Progress> progress = runs.progressOf(workName, instanceId);
        if (pending.isEmpty() && attempts.isEmpty()) {
            return Optional.empty();
        }
        WorkRuns.Run last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        WorkStatus.State state;
        Instant scheduledFor;
        if (pending.isPresent()) {
            ScheduledExecution<Object> execution = pending.get();
            scheduledFor = execution.getExecutionTime();
            if (execution.isPicked()) {
                state = WorkStatus.State.RUNNING;
            } else if (execution.getConsecutiveFailures() > 0) {
                state = WorkStatus.State.RETRYING;
            } else {
                state = WorkStatus.State.SCHEDULED;
            }
        } else {
            scheduledFor = last.scheduledFor();
            state =
                    progress.map(WorkRuns.Progress::completedAt).isPresent()
                            ? WorkStatus.State.SUCCEEDED
                            : WorkStatus.State.FAILED;
        }
        return Optional.of(
                new WorkStatus(
                        workName,
                        instanceId,
                        state,
                        scheduledFor,
                        last == null ? null : last.worker(),
                        last == null ? null : last.startedAt(),
                        last == null ? null : last.finishedAt(),
                        progress.map(WorkRuns.Progress::done).orElse(0L),
                        progress.map(WorkRuns.Progress::total).orElse(0L),
                        progress.map(WorkRuns.Progress::message).orElse(null),
                        last == null ? null : last.error()));
    }

    private Optional<ScheduledExecution<Object>> pending(String workName, String instanceId) {
        return client().getScheduledExecution(TaskInstanceId.of(workName, instanceId));
    }
}
