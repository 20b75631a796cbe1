package org.ramsetu.infra.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the queue and its consumers ({@code ramsetu.queue.*}).
 *
 * @param consumersEnabled whether this process runs job consumers (targets all and worker)
 * @param drainTimeout how long a stopping worker lets jobs in flight finish before releasing them
 * @param maxIdleWait longest pause between polls of an idle consumer
 * @param metricsRefresh how stale queue-depth gauges may be
 * @param outboxResubmitAfter age after which an unrelayed outbox record is relayed again
 * @param outboxResubmitInterval how often the outbox is checked for such records
 * @param redisReplicaAckTimeout with Redis behind Sentinel, how long an enqueue waits for a replica
 *     to acknowledge the job before it fails and the outbox delivers the job again
 */
@ConfigurationProperties("ramsetu.queue")
public record QueueProperties(
        boolean consumersEnabled,
        Duration drainTimeout,
        Duration maxIdleWait,
        Duration metricsRefresh,
        Duration outboxResubmitAfter,
        Duration outboxResubmitInterval,
        Duration redisReplicaAckTimeout) {

    public QueueProperties {
        drainTimeout = orDefault(drainTimeout, Duration.ofSeconds(20));
        maxIdleWait = orDefault(maxIdleWait, Duration.ofMillis(500));
        metricsRefresh = orDefault(metricsRefresh, Duration.ofSeconds(5));
        outboxResubmitAfter = orDefault(outboxResubmitAfter, Duration.ofSeconds(30));
        outboxResubmitInterval = orDefault(outboxResubmitInterval, Duration.ofSeconds(15));
        redisReplicaAckTimeout = orDefault(redisReplicaAckTimeout, Duration.ofSeconds(1));
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
