package org.ramsetu.infra.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Gauges {@code ramsetu_queue_depth}, {@code ramsetu_queue_oldest_age_seconds} and {@code
 * ramsetu_queue_dead} per job type. A scrape reads stats at most once per type per {@code refresh},
 * so frequent scrapes do not load the queue's store.
 */
public class QueueMetrics {

    private final JobQueue queue;
    private final Clock clock;
    private final Duration refresh;
    private final Map<JobType, Snapshot> snapshots = new ConcurrentHashMap<>();
    private volatile java.util.List<JobType> types = java.util.List.of();

    private record Snapshot(QueueStats stats, Instant takenAt) {}

    private static final Duration READ_LIMIT = Duration.ofSeconds(1);

    public QueueMetrics(JobQueue queue, Clock clock, Duration refresh) {
        this.queue = queue;
        this.clock = clock;
        this.refresh = refresh;
    }

    public void register(MeterRegistry registry, Collection<JobType> types) {
        this.types = java.util.List.copyOf(types);
        for (JobType type : types) {
            gauge(registry, "ramsetu.queue.depth", type, s -> s.depth(), "Jobs not yet done");
            gauge(
                    registry,
                    "ramsetu.queue.oldest.age.seconds",
                    type,
                    s -> s.oldestAge().toMillis() / 1000.0,
                    "Age of the oldest job not yet done");
            gauge(
                    registry,
                    "ramsetu.queue.dead",
                    type,
                    s -> s.dead(),
                    "Jobs in the dead-letter state");
        }
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            JobType type,
            ToDoubleFunction<QueueStats> value,
            String description) {
        Gauge.builder(name, () -> current(type).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .tag("type", type.name())
                .register(registry);
    }

    private java.util.Optional<QueueStats> current(JobType type) {
        Snapshot s = snapshots.get(type);
        if (s == null || s.takenAt().plus(refresh).isBefore(clock.instant())) {
            refreshAll();
            s = snapshots.get(type);
        }
        return s == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(s.stats());
    }

    /**
     * Reads every type at once, within a second, at most once per {@code refresh}: a scrape never
     * waits long for a store that is away. A type whose read failed is remembered as unknown (NaN:
     * the dashboard shows the store unreachable; health says why) until the next refresh.
     */
    private synchronized void refreshAll() {
        Instant now = clock.instant();
        if (!snapshots.isEmpty()
                && snapshots.values().stream()
                        .allMatch(s -> !s.takenAt().plus(refresh).isBefore(now))) {
            return; // another scrape thread refreshed meanwhile
        }
        java.util.Map<JobType, QueueStats> read = BoundedStats.of(queue, types, READ_LIMIT);
        for (JobType type : types) {
            snapshots.put(type, new Snapshot(read.get(type), now));
        }
    }
}
