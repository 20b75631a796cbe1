package org.ramsetu.infra.queue.outbox;

/**
 * The outbox record of a job: published inside the business transaction, persisted with it by the
 * event publication registry, and handed to the queue after commit by {@link OutboxRelay}. {@code
 * traceParent} carries the causing request's trace across the outbox (null in records written
 * before it existed).
 */
public record JobRequested(
        String type, String idempotencyKey, String payload, String traceParent) {}
