package org.ramsetu.infra.queue;

import java.time.Instant;

/**
 * A job as delivered to a handler. {@code attempt} counts deliveries that ended in failure or a
 * lost lease, plus this one (1 on first delivery). {@code traceParent}: the W3C trace context of
 * the request that caused the job, or null.
 */
public record Job(
        String id,
        JobType type,
        String idempotencyKey,
        String payload,
        int attempt,
        Instant enqueuedAt,
        String traceParent) {

    public Job(
            String id,
            JobType type,
            String idempotencyKey,
            String payload,
            int attempt,
            Instant enqueuedAt) {
        this(id, type, idempotencyKey, payload, attempt, enqueuedAt, null);
    }
}
