package org.ramsetu.infra.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ramsetu.infra.queue.EffectLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the declared {@link RecurringWork} and {@link OneTimeWork} beans into db-scheduler tasks
 * whose execution records each attempt, skips a one-time instance that already completed, and
 * measures duration and outcome ({@code ramsetu_schedule_run_seconds{task,outcome}}).
 */
final class WorkExecutions {

    private static final Logger LOG = LoggerFactory.getLogger(WorkExecutions.class);

    /** A failed one-time instance is retried after 30 s, 1, 2, 4 … minutes, 8 times (~2 h). */
    static final int ONE_TIME_RETRIES = 8;

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private final WorkRuns runs;
    private final EffectLedger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String worker;
    private final Map<String, RecurringWork> recurring = new TreeMap<>();
    private final Map<String, OneTimeWork<?>> oneTime = new TreeMap<>();
    private final List<RecurringTask<Void>> recurringTasks = new ArrayList<>();
    private final Map<String, OneTimeTask<?>> oneTimeTasks = new TreeMap<>();

    WorkExecutions(
            List<RecurringWork> recurringWork,
            List<OneTimeWork<?>> oneTimeWork,
            WorkRuns runs,
            EffectLedger ledger,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry meters,
            String worker) {
        this.runs = runs;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.worker = worker;
        for (RecurringWork work : recurringWork) {
            requireUnique(work.name());
            recurring.put(work.name(), work);
            recurringTasks.add(recurringTask(work));
        }
        for (OneTimeWork<?> work : oneTimeWork) {
            requireUnique(work.name());
            oneTime.put(work.name(), work);
            oneTimeTasks.put(work.name(), oneTimeTask(work));
        }
    }

    private void requireUnique(String name) {
        if (recurring.containsKey(name) || oneTime.containsKey(name)) {
            throw new IllegalStateException("two kinds of scheduled work are named " + name);
        }
    }

    List<Task<?>> allTasks() {
        List<Task<?>> all = new ArrayList<>(recurringTasks);
        all.addAll(oneTimeTasks.values());
        return all;
    }

    /** For the scheduler, which adds the recurring tasks as start tasks itself. */
    List<Task<?>> oneTimeTasks() {
        return new ArrayList<>(oneTimeTasks.values());
    }

    List<RecurringTask<Void>> recurringTasks() {
        return recurringTasks;
    }

    Map<String, RecurringWork> recurring() {
        return recurring;
    }

    Map<String, OneTimeWork<?>> oneTime() {
        return oneTime;
    }

    @SuppressWarnings("unchecked")
    <T> OneTimeTask<T> task(OneTimeWork<T> work) {
        OneTimeTask<?> task = oneTimeTasks.get(work.name());
        if (task == null || oneTime.get(work.name()) != work) {
            throw new IllegalArgumentException(
                    work.name()
                            + " is not a declared bean of this process, so no scheduler runs it");
        }
        return (OneTimeTask<T>) task;
    }

    private RecurringTask<Void> recurringTask(RecurringWork work) {
        return Tasks.recurring(work.name(), work.schedule().schedule())
                .execute(
                        (instance, context) -> {
                            Instant due = context.getExecution().executionTime;
                            run(
                                    work.name(),
                                    instance.getId(),
                                    "recurring@" + due,
                                    due,
                                    false,
                                    work.body()::run,
                                    context);
                        });
    }

    private <T> OneTimeTask<T> oneTimeTask(OneTimeWork<T> work) {
        FailureHandler<T> retries =
                new FailureHandler.MaxRetriesFailureHandler<>(
                        ONE_TIME_RETRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY, 2.0));
        return Tasks.oneTime(work.name(), work.dataType())
                .onFailure(retries)
                .execute(
                        (instance, context) ->
                                run(
                                        work.name(),
                                        instance.getId(),
                                        instance.getId(),
                                        context.getExecution().executionTime,
                                        true,
                                        c -> work.body().run(instance.getData(), c),
                                        context));
    }

    @FunctionalInterface
    private interface Body {
        void run(WorkContext context) throws Exception;
    }

    private void run(
            String task,
            String instance,
            String executionKey,
            Instant due,
            boolean once,
            Body body,
            ExecutionContext execution) {
        if (once && runs.completed(task, executionKey)) {
            // The body finished but its worker died before the scheduler's row was removed.
            Instant now = clock.instant();
            long id = runs.start(task, instance, due, worker, now);
            runs.finish(id, "SKIPPED", "already completed by an earlier attempt", now);
            LOG.info("{} {} already completed; not run again", task, instance);
            return;
        }
        long started = System.nanoTime();
        long runId = runs.start(task, instance, due, worker, clock.instant());
        RunningWork context =
                new RunningWork(
                        task,
                        instance,
                        executionKey,
                        due,
                        runs,
                        ledger,
                        tx,
                        clock,
                        () -> execution.getSchedulerState().isShuttingDown());
        String outcome = "failed";
        try {
            body.run(context);
            runs.complete(task, executionKey, clock.instant());
            runs.finish(runId, "SUCCEEDED", null, clock.instant());
            outcome = "succeeded";
        } catch (WorkInterruptedException e) {
            runs.finish(runId, "INTERRUPTED", e.getMessage(), clock.instant());
            outcome = "interrupted";
            throw e;
        } catch (Exception e) {
            LOG.warn("{} {} failed: {}", task, instance, e.toString());
            runs.finish(runId, "FAILED", e.toString(), clock.instant());
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            Timer.builder("ramsetu.schedule.run")
                    .description("Attempts of scheduled work, by outcome")
                    .tag("task", task)
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
