package org.ramsetu.infra.queue.redis;

import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits after an enqueue until a replica has the job ({@code WAIT 1 timeout}). Redis replicates
 * asynchronously: a job the primary acknowledged but had not yet sent is lost with a primary that
 * dies, and a Sentinel promotes the replica without it, while the outbox, told the job was
 * enqueued, has already forgotten it. With this wait the outbox forgets a job only once two servers
 * have it; when no replica acknowledges in time the enqueue fails and the outbox delivers the job
 * again (de-duplicated by its key).
 *
 * <p>With no replica online there is nothing to wait for, and nothing a Sentinel could promote: the
 * job is written on the primary only (as Patroni's non-strict synchronous mode does), and a WARN
 * line says so at most every 30 s. {@code WAIT} blocks its connection, so the queue gives enqueues
 * a connection of their own.
 */
final class ReplicaAcknowledgement {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaAcknowledgement.class);
    private static final long REPLICAS_CHECK_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final RedisCommands<String, String> enqueues;
    private final Duration timeout;
    private volatile long replicasCheckedAt;
    private volatile int onlineReplicas;
    private volatile long warnedAt;

    ReplicaAcknowledgement(RedisCommands<String, String> enqueues, Duration timeout) {
        this.enqueues = enqueues;
        this.timeout = timeout;
        this.replicasCheckedAt = System.nanoTime() - REPLICAS_CHECK_NANOS;
    }

    /**
     * @throws ReplicaAcknowledgementException when a replica is online but none acknowledged
     */
    void await() {
        if (onlineReplicas() == 0) {
            long now = System.nanoTime();
            if (now - warnedAt > WARN_EVERY_NANOS) {
                warnedAt = now;
                LOG.warn("Redis has no replica online: enqueued jobs are on the primary only");
            }
            return;
        }
        long acknowledged = enqueues.waitForReplication(1, timeout.toMillis());
        if (acknowledged < 1) {
            // The replica may be gone since the last look: look again at the next enqueue.
            replicasCheckedAt = System.nanoTime() - REPLICAS_CHECK_NANOS;
            throw new ReplicaAcknowledgementException(
                    "no Redis replica acknowledged the job within "
                            + timeout.toMillis()
                            + " ms; the outbox delivers it again");
        }
    }

    /**
     * Replicas in sync with the primary ({@code ROLE}): a count above zero is trusted for a second,
     * none is looked up again at every enqueue. A replica that came online within that second must
     * get the job before it is acknowledged: the Sentinel would promote it without the job (found
     * by SentinelFailoverIntegrationTest when its enqueues came right after the replicas
     * connected).
     */
    private int onlineReplicas() {
        long now = System.nanoTime();
        if (onlineReplicas == 0 || now - replicasCheckedAt >= REPLICAS_CHECK_NANOS) {
            List<Object> role = enqueues.role();
            // A primary answers [master, offset, [[ip, port, offset], ...]] with online replicas.
            onlineReplicas =
                    role.size() >= 3 && role.get(2) instanceof List<?> replicas
                            ? replicas.size()
                            : 0;
            replicasCheckedAt = now;
        }
        return onlineReplicas;
    }

    /** No replica acknowledged an enqueued job in time; it is on the primary only. */
    static final class ReplicaAcknowledgementException extends RuntimeException {
        ReplicaAcknowledgementException(String message) {
            super(message);
        }
    }
}
