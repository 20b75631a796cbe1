package org.ramsetu.platform.allocation.runs;

import java.time.Duration;
import java.util.UUID;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on the targets with queue consumers ({@code worker}, {@code all}): while scoring is still
 * down the job fails and the queue retries it with back-off and jitter; after the last attempt it
 * is dead and can be re-driven from {@code /actuator/jobs}.
 */
public class AllocationRescoringJobHandler implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(AllocationRescoringJobHandler.class);

    private final RescoringAllocationRun rescoring;
    private final RetryPolicy retryPolicy;

    public AllocationRescoringJobHandler(
            RescoringAllocationRun rescoring, RetryPolicy retryPolicy) {
        this.rescoring = rescoring;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public JobType type() {
        return AllocationRescoringJobs.TYPE;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * One at a time per worker: each attempt ranks a whole waiting list and may wait on scoring.
     */
    @Override
    public int concurrency() {
        return 1;
    }

    @Override
    public Duration leaseDuration() {
        return Duration.ofMinutes(2);
    }

    @Override
    public void handle(Job job) {
        UUID runId = UUID.fromString(job.payload().strip());
        RescoringAllocationRun.Outcome outcome = rescoring.rescore(runId);
        log.info("Re-scoring of allocation run {}: {} (attempt {})", runId, outcome, job.attempt());
    }
}
