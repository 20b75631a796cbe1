package org.ramsetu.infra.queue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries the trace of a request into the jobs it causes: when a job is scheduled, a short span
 * records the hand-over and its W3C trace context is stored with the job (through the outbox and
 * the queue); the worker runs the job in a span whose parent is that context, so mail sending and
 * re-scoring appear in the trace of the request that caused them, and their log lines carry its
 * trace id. Only Micrometer's Observation API is used: with tracing on the classpath its
 * propagating handlers inject and extract the context; without it nothing is recorded.
 */
public final class JobTracing {

    static final String TRACEPARENT = "traceparent";

    private final ObservationRegistry registry;

    public JobTracing(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * The trace context to store with a job scheduled now: a child of the current span, or a new
     * trace when none is current; null when nothing traces.
     */
    public String scheduled(JobType type) {
        if (registry.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        SenderContext<Map<String, String>> context = new SenderContext<>(Map::put);
        context.setCarrier(carrier);
        context.setRemoteServiceName("job-queue");
        Observation.createNotStarted("ramsetu.job.scheduled", () -> context, registry)
                .contextualName("schedule " + type.name())
                .lowCardinalityKeyValue("job.type", type.name())
                .observe(() -> {});
        return carrier.get(TRACEPARENT);
    }

    /** Runs a job's work in a span that continues the trace recorded with the job. */
    public void run(Job job, Observation.CheckedRunnable<Exception> work) throws Exception {
        ReceiverContext<Job> context =
                new ReceiverContext<>(
                        (carrier, key) -> TRACEPARENT.equals(key) ? carrier.traceParent() : null);
        context.setCarrier(job);
        context.setRemoteServiceName("job-queue");
        Observation.createNotStarted("ramsetu.job", () -> context, registry)
                .contextualName("job " + job.type().name())
                .lowCardinalityKeyValue("job.type", job.type().name())
                .observeChecked(work);
    }
}
