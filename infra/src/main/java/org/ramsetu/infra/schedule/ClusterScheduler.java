package org.ramsetu.infra.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs due work in this process (worker and all targets). Started after the context is ready and
 * stopped with the queue consumers, before the web server and the pool: running bodies get {@code
 * shutdownWait} to finish (a long body sees {@link WorkContext#stopping()} and stops at its next
 * chunk); whatever is left is picked up by another scheduler once this one's heartbeats stop.
 */
final class ClusterScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterScheduler.class);

    private final DataSource dataSource;
    private final WorkExecutions executions;
    private final ScheduleProperties properties;
    private final String name;
    private final WorkRuns runs;
    private Scheduler scheduler;

    ClusterScheduler(
            DataSource dataSource,
            WorkExecutions executions,
            ScheduleProperties properties,
            String name,
            WorkRuns runs) {
        this.dataSource = dataSource;
        this.executions = executions;
        this.properties = properties;
        this.name = name;
        this.runs = runs;
    }

    @Override
    public synchronized void start() {
        scheduler =
                Scheduler.create(dataSource, executions.oneTimeTasks())
                        .startTasks(executions.recurringTasks())
                        .schedulerName(new SchedulerName.Fixed(name))
                        .serializer(new JsonTaskData())
                        .threads(properties.threads())
                        .pollingInterval(properties.pollingInterval())
                        .heartbeatInterval(properties.heartbeatInterval())
                        .missedHeartbeatsLimit(properties.missedHeartbeats())
                        .shutdownMaxWait(properties.shutdownWait())
                        .enableImmediateExecution()
                        .failureLogging(LogLevel.WARN, false)
                        .addSchedulerListener(new RecordingDeadExecutions())
                        .build();
        scheduler.start();
        LOG.info(
                "Scheduler {} started: {} recurring, {} one-time kinds of work",
                name,
                executions.recurring().size(),
                executions.oneTime().size());
    }

    /** Records the dead attempt as LOST when it is taken over, not only when it runs again. */
    private final class RecordingDeadExecutions extends AbstractSchedulerListener {
        @Override
        public void onExecutionDead(Execution execution) {
            int lost =
                    runs.markLost(
                            execution.taskInstance.getTaskName(),
                            execution.taskInstance.getId(),
                            Instant.now());
            LOG.warn(
                    "{} {} was running on {} whose heartbeats stopped; taken over ({} attempt(s)"
                            + " lost)",
                    execution.taskInstance.getTaskName(),
                    execution.taskInstance.getId(),
                    execution.pickedBy,
                    lost);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    /**
     * Stops on its own thread, so that its wait for running bodies overlaps the queue consumers'
     * drain in the same shutdown phase instead of adding to it (a worker must stop within its grace
     * period).
     */
    @Override
    public void stop(Runnable callback) {
        Thread stopping =
                new Thread(
                        () -> {
                            try {
                                stop();
                            } finally {
                                callback.run();
                            }
                        },
                        "scheduler-stop");
        stopping.start();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
