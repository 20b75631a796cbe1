package org.ramsetu.platform.rankingruns;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-scores a degraded run (a match run or an allocation run) named by the job's payload. Runs on
 * the targets with queue consumers ({@code worker}, {@code all}). While scoring is still down the
 * job fails and the queue retries it with exponential back-off and jitter; after the last attempt
 * it is dead and can be re-driven from {@code /actuator/jobs}.
 */
public class RescoringJobHandler implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(RescoringJobHandler.class);

    private final JobType type;
    private final String what;
    private final Duration lease;
    private final Function<UUID, ?> rescore;
    private final RetryPolicy retryPolicy;

    /**
     * @param what the kind of run, for the log ({@code match run}, {@code allocation run})
     * @param lease how long one attempt may take before another worker may take the job over
     * @param rescore writes the scored successor of the degraded run; answers what it did
     */
    public RescoringJobHandler(
            JobType type,
            String what,
            Duration lease,
            Function<UUID, ?> rescore,
            RetryPolicy retryPolicy) {
        this.type = type;
        this.what = what;
        this.lease = lease;
        this.rescore = rescore;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public JobType type() {
        return type;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** One at a time per worker: each attempt ranks a whole run and may wait on scoring. */
    @Override
    public int concurrency() {
        return 1;
    }

    @Override
    public Duration leaseDuration() {
        return lease;
    }

    @Override
    public void handle(Job job) {
        UUID runId = UUID.fromString(job.payload().strip());
        Object outcome = rescore.apply(runId);
        log.info("Re-scoring of {} {}: {} (attempt {})", what, runId, outcome, job.attempt());
        // From the degraded run (its job is written with it) to its scored successor: how long
        // coordinators looked at a clinical-only ranking.
        Timer.builder("ramsetu.rescoring.lag")
                .description("Time from a degraded run to its re-scored successor")
                .tag("type", type.name())
                .register(Metrics.globalRegistry)
                .record(Duration.between(job.enqueuedAt(), Instant.now()));
    }
}
