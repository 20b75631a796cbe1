package org.ramsetu.infra.queue.outbox;

import org.ramsetu.infra.queue.NewJob;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * How features ask for background work: {@link #schedule} joins the caller's transaction, so the
 * job exists exactly when the business change that caused it commits (a rollback sends nothing).
 */
public class JobScheduler {

    private final ApplicationEventPublisher events;

    public JobScheduler(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void schedule(NewJob job) {
        events.publishEvent(
                new JobRequested(job.type().name(), job.idempotencyKey(), job.payload()));
    }
}
