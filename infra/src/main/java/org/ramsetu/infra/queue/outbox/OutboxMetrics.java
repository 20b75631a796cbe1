package org.ramsetu.infra.queue.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.ramsetu.infra.queue.BoundedStats;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gauges {@code ramsetu_outbox_incomplete_events} and {@code ramsetu_outbox_oldest_age_seconds}:
 * jobs written with a business change but not yet handed to the queue. A backlog that only grows
 * means the queue's store is unreachable or the relay is stuck (nothing is lost: the records wait
 * in PostgreSQL). Completed records are deleted (completion mode {@code delete}), so every row
 * counts. Read at most once per {@code refresh}, whatever the scrape rate.
 */
public class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot;

    private record Snapshot(long incomplete, double oldestAgeSeconds, Instant takenAt) {}

    public OutboxMetrics(JdbcClient jdbc, Clock clock, Duration refresh) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "ramsetu.outbox.incomplete.events",
                s -> s.incomplete(),
                "Outbox records not yet handed to the job queue");
        gauge(
                registry,
                "ramsetu.outbox.oldest.age.seconds",
                s -> s.oldestAgeSeconds(),
                "Age of the oldest outbox record not yet handed to the job queue");
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            ToDoubleFunction<Snapshot> value,
            String description) {
        Gauge.builder(name, () -> current().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .register(registry);
    }

    private synchronized Optional<Snapshot> current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.takenAt().plus(refresh).isBefore(now)) {
            // Within a second: a scrape never waits for the pool's 5 s while the database is away.
            Optional<Snapshot> read =
                    BoundedStats.within(
                            Duration.ofSeconds(1),
                            () ->
                                    jdbc.sql(
                                                    """
                                        select count(*) as incomplete,
                                               coalesce(extract(epoch from
                                                   now() - min(publication_date)), 0) as age
                                        from event_publication where completion_date is null
                                        """)
                                            .query(
                                                    (rs, n) ->
                                                            new Snapshot(
                                                                    rs.getLong("incomplete"),
                                                                    rs.getDouble("age"),
                                                                    now))
                                            .single());
            // Unknown (NaN) until the next refresh when the read failed: no retry on every scrape.
            s = read.orElseGet(() -> new Snapshot(-1, Double.NaN, now));
            snapshot = s;
        }
        return s.incomplete() < 0 ? Optional.empty() : Optional.of(s);
    }
}
