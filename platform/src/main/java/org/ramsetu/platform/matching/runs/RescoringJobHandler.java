package org.ramsetu.platform.matching.runs;

import java.time.Duration;
import java.util.UUID;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on the targets with queue consumers ({@code worker}, {@code all}). While scoring is still
 * down the job fails and the queue retries it with exponential back-off and jitter; after the last
 * attempt it is dead and can be re-driven from {@code /actuator/jobs}.
 */
public class RescoringJobHandler implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(RescoringJobHandler.class);

    private final RescoringMatchRun rescoring;
    private final RetryPolicy retryPolicy;

    public RescoringJobHandler(RescoringMatchRun rescoring, RetryPolicy retryPolicy) {
        this.rescoring = rescoring;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public JobType type() {
        return RescoringJobs.TYPE;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** One at a time per worker: each attempt may wait on scoring up to its time limit. */
    @Override
    public int concurrency() {
        return 1;
    }

    @Override
    public Duration leaseDuration() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void handle(Job job) {
        UUID runId = UUID.fromString(job.payload().strip());
        RescoringMatchRun.Outcome outcome = rescoring.rescore(runId);
        log.info("Re-scoring of match run {}: {} (attempt {})", runId, outcome, job.attempt());
    }
}
