package org.ramsetu.infra.queue.outbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The outbox record of a job: published inside the business transaction, persisted with it by the
 * event publication registry, and handed to the queue after commit by {@link OutboxRelay}. {@code
 * traceParent} carries the causing request's trace across the outbox (null in records written
 * before it existed).
 */
// A release reading records written by a newer one (a rollback with records still in the outbox)
// ignores fields it does not know instead of leaving those jobs stuck.
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobRequested(
        String type, String idempotencyKey, String payload, String traceParent) {}
