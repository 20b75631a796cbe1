package org.ramsetu.infra.queue.outbox;

import io.micrometer.observation.ObservationRegistry;
import org.ramsetu.infra.queue.JobTracing;
import org.ramsetu.infra.queue.NewJob;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * How features ask for background work: {@link #schedule} joins the caller's transaction, so the
 * job exists exactly when the business change that caused it commits (a rollback sends nothing).
 */
public class JobScheduler {

    private final ApplicationEventPublisher events;
    private final JobTracing tracing;

    public JobScheduler(ApplicationEventPublisher events) {
        this(events, new JobTracing(ObservationRegistry.NOOP));
    }

    public JobScheduler(ApplicationEventPublisher events, JobTracing tracing) {
        this.events = events;
        this.tracing = tracing;
    }

    @Transactional
    public void schedule(NewJob job) {
        String traceParent =
                job.traceParent() != null ? job.traceParent() : tracing.scheduled(job.type());
        events.publishEvent(
                new JobRequested(
                        job.type().name(), job.idempotencyKey(), job.payload(), traceParent));
    }
}
