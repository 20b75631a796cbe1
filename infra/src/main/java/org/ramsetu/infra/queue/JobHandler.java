package org.ramsetu.infra.queue;

import java.time.Duration;

/**
 * Does the work of one job type. Implementations must be idempotent in effect: a job can be
 * delivered more than once (lease timeout after a crash), so guard effects with {@link
 * EffectLedger} or make them naturally repeatable.
 */
public interface JobHandler {

    JobType type();

    void handle(Job job) throws Exception;

    default RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    /** Bulkhead: at most this many jobs of this type run at once in one worker process. */
    default int concurrency() {
        return 2;
    }

    /** How long a delivery may run before it is presumed lost and redelivered. */
    default Duration leaseDuration() {
        return Duration.ofMinutes(2);
    }
}
