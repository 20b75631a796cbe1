package org.ramsetu.platform.matching.runs;

import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.springframework.context.event.EventListener;

/**
 * Queues the re-scoring of a degraded match run through the outbox, in the run's transaction (a
 * synchronous listener): keyed by the run, so the worker re-scores it once.
 */
class DegradedMatchRunRescoring {

    private final JobScheduler jobs;

    DegradedMatchRunRescoring(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @EventListener
    void degraded(MatchRunDegraded event) {
        jobs.schedule(
                new NewJob(
                        RescoringJobs.TYPE,
                        RescoringJobs.key(event.runId()),
                        event.runId().toString()));
    }
}
