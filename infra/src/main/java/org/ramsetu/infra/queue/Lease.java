package org.ramsetu.infra.queue;

/**
 * A job leased to one consumer until it completes, fails, is released, or the lease times out (then
 * the job is delivered again). {@code token} identifies this delivery to the adapter.
 */
public record Lease(Job job, String consumerId, String token) {}
