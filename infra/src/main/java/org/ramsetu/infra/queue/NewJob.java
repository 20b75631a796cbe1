package org.ramsetu.infra.queue;

import java.util.Objects;

/**
 * A job to enqueue. Type + idempotency key identify it: enqueueing the same pair twice yields the
 * first job, never a second one. The payload is opaque text (JSON by convention). {@code
 * traceParent} (W3C trace context, or null) is the trace of the request that caused the job, so
 * that the job's work joins that trace.
 */
public record NewJob(JobType type, String idempotencyKey, String payload, String traceParent) {

    public NewJob(JobType type, String idempotencyKey, String payload) {
        this(type, idempotencyKey, payload, null);
    }

    public static final int MAX_KEY_LENGTH = 200;
    public static final int MAX_PAYLOAD_LENGTH = 64 * 1024;

    public NewJob {
        Objects.requireNonNull(type, "type");
        if (idempotencyKey == null
                || idempotencyKey.isBlank()
                || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "idempotency key must be 1-" + MAX_KEY_LENGTH + " characters");
        }
        Objects.requireNonNull(payload, "payload");
        if (payload.length() > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException(
                    "payload is "
                            + payload.length()
                            + " characters; jobs carry at most "
                            + MAX_PAYLOAD_LENGTH
                            + " (put large data in the blob store and pass its key)");
        }
    }
}
