package org.ramsetu.infra.queue;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Readiness of consumers and producers: the queue's store answers. */
public class QueueHealthIndicator extends AbstractHealthIndicator {

    private final JobQueue queue;
    private final String adapter;

    public QueueHealthIndicator(JobQueue queue, String adapter) {
        super("The job queue is unreachable");
        this.queue = queue;
        this.adapter = adapter;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        queue.ping();
        builder.up().withDetail("adapter", adapter);
    }
}
