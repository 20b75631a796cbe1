package org.ramsetu.infra.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The job queue port. Delivery is at least once: a lease that times out (a worker killed mid-job)
 * makes the job deliverable again, so effects must be idempotent (see {@link EffectLedger}).
 * Adapters: PostgreSQL ({@code FOR UPDATE SKIP LOCKED}) and Redis Streams.
 */
public interface JobQueue {

    EnqueueResult enqueue(NewJob job);

    /**
     * The next deliverable job of {@code type}, leased to {@code consumerId} for {@code lease}. All
     * consumers of one type must pass the same lease duration (the handler's): the Redis adapter
     * judges a delivery lost by its idle time against the lease of the consumer asking.
     */
    Optional<Lease> lease(JobType type, String consumerId, Duration lease);

    void complete(Lease lease);

    /**
     * Records a failed attempt: the job is delivered again after {@code retryAfter}, or, when
     * empty, moves to the dead-letter state keeping {@code error}.
     */
    void fail(Lease lease, String error, Optional<Duration> retryAfter);

    /** Gives the job back for immediate redelivery without counting an attempt (shutdown). */
    void release(Lease lease);

    List<DeadJob> dead(JobType type, int limit);

    /** Moves a dead job back to ready with a fresh attempt budget; false if it is not dead. */
    boolean redrive(JobType type, String jobId);

    QueueStats stats(JobType type);

    /** Throws when the queue's store cannot be reached (readiness). */
    void ping();
}
