package org.ramsetu.infra.queue.outbox;

/**
 * The outbox record of a job: published inside the business transaction, persisted with it by the
 * event publication registry, and handed to the queue after commit by {@link OutboxRelay}.
 */
public record JobRequested(String type, String idempotencyKey, String payload) {}
