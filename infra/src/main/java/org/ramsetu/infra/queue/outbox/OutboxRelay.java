package org.ramsetu.infra.queue.outbox;

import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.NewJob;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Hands committed outbox records to the queue. Runs after the commit, asynchronously; a failure
 * (queue down) leaves the publication incomplete, and {@link OutboxResubmitter} tries it again. A
 * record relayed twice enqueues once: the job's type + idempotency key de-duplicate.
 */
public class OutboxRelay {

    private final JobQueue queue;

    public OutboxRelay(JobQueue queue) {
        this.queue = queue;
    }

    @ApplicationModuleListener
    void relay(JobRequested request) {
        queue.enqueue(
                new NewJob(
                        JobType.of(request.type()),
                        request.idempotencyKey(),
                        request.payload(),
                        request.traceParent()));
    }
}
