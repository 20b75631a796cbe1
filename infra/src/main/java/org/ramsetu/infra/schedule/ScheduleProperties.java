package org.ramsetu.infra.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scheduler's settings ({@code ramsetu.schedule.*}). A picked execution whose heartbeat stops
 * for {@code heartbeatInterval × missedHeartbeats} is taken over by another scheduler: long enough
 * for a stop-the-world pause or a database failover (about 20 s here), short enough that a killed
 * worker's work resumes within half a minute.
 *
 * @param enabled runs due work in this process (worker and all); other database targets only
 *     schedule
 * @param threads executions at once in one process
 * @param pollingInterval how often due work is looked for
 * @param shutdownWait how long a shutdown waits for running bodies (within the 20 s shutdown phase)
 * @param historyRetention how long finished runs stay in the history
 */
@ConfigurationProperties("ramsetu.schedule")
public record ScheduleProperties(
        boolean enabled,
        Integer threads,
        Duration pollingInterval,
        Duration heartbeatInterval,
        Integer missedHeartbeats,
        Duration shutdownWait,
        Duration historyRetention,
        Duration metricsRefresh) {

    public ScheduleProperties {
        threads = threads == null ? 4 : threads;
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(5) : pollingInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(5) : heartbeatInterval;
        missedHeartbeats = missedHeartbeats == null ? 4 : missedHeartbeats;
        shutdownWait = shutdownWait == null ? Duration.ofSeconds(15) : shutdownWait;
        historyRetention = historyRetention == null ? Duration.ofDays(30) : historyRetention;
        metricsRefresh = metricsRefresh == null ? Duration.ofSeconds(15) : metricsRefresh;
        if (threads < 1) {
            throw new IllegalArgumentException("ramsetu.schedule.threads must be at least 1");
        }
        if (missedHeartbeats < 4) {
            // db-scheduler's own minimum: fewer would declare live executions dead on a hiccup.
            throw new IllegalArgumentException(
                    "ramsetu.schedule.missed-heartbeats must be at least 4");
        }
    }

    /** How long after its last heartbeat an execution is presumed dead and taken over. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeats);
    }
}
