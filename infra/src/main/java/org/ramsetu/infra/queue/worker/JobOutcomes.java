package org.ramsetu.infra.queue.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.ramsetu.infra.queue.JobType;

/** Worker throughput metrics: {@code ramsetu_jobs_total{type,outcome}} and job duration. */
public class JobOutcomes {

    private final MeterRegistry registry;

    public JobOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    void completed(JobType type, long nanos) {
        count(type, "completed");
        Timer.builder("ramsetu.job.duration")
                .description("Time a handler took for a job that completed")
                .tag("type", type.name())
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void retried(JobType type) {
        count(type, "retried");
    }

    void dead(JobType type) {
        count(type, "dead");
    }

    void released(JobType type) {
        count(type, "released");
    }

    /** A job whose previous consumer's lease ran out: that worker died or hung. */
    void takenOver(JobType type) {
        Counter.builder("ramsetu.jobs.taken.over")
                .description("Jobs leased again because the previous consumer's lease ran out")
                .tag("type", type.name())
                .register(registry)
                .increment();
    }

    private void count(JobType type, String outcome) {
        Counter.builder("ramsetu.jobs")
                .description("Job deliveries by outcome")
                .tag("type", type.name())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
