package org.ramsetu.infra.queue;

/**
 * A job leased to one consumer until it completes, fails, is released, or the lease times out (then
 * the job is delivered again). {@code token} identifies this delivery to the adapter. {@code
 * takenOver}: the job was leased because another consumer's lease ran out (a dead or stuck worker).
 */
public record Lease(Job job, String consumerId, String token, boolean takenOver) {

    public Lease(Job job, String consumerId, String token) {
        this(job, consumerId, token, false);
    }
}
