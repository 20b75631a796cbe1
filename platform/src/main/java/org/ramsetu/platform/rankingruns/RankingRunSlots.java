package org.ramsetu.platform.rankingruns;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Unavailable;

/**
 * A bulkhead around the computation of match and allocation runs: each ranks tens of thousands of
 * candidates, holding a database connection for its candidate query and a core for seconds. Without
 * a bound, twenty coordinators at once took every pooled connection and sign-up codes waited a
 * minute for the queue (docs/PERFORMANCE.md). Runs beyond the bound wait their turn up to a limit,
 * then get 503 with {@code Retry-After}; everything else keeps its connections and CPU.
 */
public final class RankingRunSlots {

    static final String NAME = "ranking-runs";

    private final Bulkhead bulkhead;
    private final Duration maxWait;

    public RankingRunSlots(int concurrentRuns, Duration maxWait, MeterRegistry meters) {
        if (concurrentRuns < 1) {
            throw new IllegalArgumentException("at least one run must be allowed at a time");
        }
        BulkheadRegistry registry =
                BulkheadRegistry.of(
                        BulkheadConfig.custom()
                                .maxConcurrentCalls(concurrentRuns)
                                .maxWaitDuration(maxWait)
                                .build());
        this.bulkhead = registry.bulkhead(NAME);
        this.maxWait = maxWait;
        if (meters != null) {
            TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        }
    }

    /**
     * @throws DomainException Unavailable with {@code Retry-After} when no slot freed up within the
     *     wait
     */
    public <T> T run(Supplier<T> computation) {
        try {
            return bulkhead.executeSupplier(computation);
        } catch (BulkheadFullException full) {
            throw new Unavailable(
                    "ranking-busy",
                    "Too many runs at once",
                    "other coordinators' match and allocation runs filled every slot for "
                            + maxWait.toSeconds()
                            + " s; nothing was recorded, try again in a moment",
                    Duration.ofSeconds(5));
        }
    }

    int available() {
        return bulkhead.getMetrics().getAvailableConcurrentCalls();
    }
}
