package org.ramsetu.platform.allocation.runs;

import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.springframework.context.event.EventListener;

/**
 * Queues the re-scoring of a degraded allocation run through the outbox, in the run's transaction
 * (a synchronous listener): keyed by the run, so the worker re-scores it once.
 */
class DegradedAllocationRunRescoring {

    private final JobScheduler jobs;

    DegradedAllocationRunRescoring(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @EventListener
    void degraded(AllocationRunDegraded event) {
        jobs.schedule(
                new NewJob(
                        AllocationRescoringJobs.TYPE,
                        AllocationRescoringJobs.key(event.runId()),
                        event.runId().toString()));
    }
}
