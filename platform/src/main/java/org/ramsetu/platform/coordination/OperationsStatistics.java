package org.ramsetu.platform.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.infra.queue.BoundedStats;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.QueueStats;

/**
 * The coordinators' dashboard figures about matching and background work: match outcomes and runs
 * (degraded or not) per day over a recent window, and the depth of each job queue this target
 * knows. Counted by the database (the replica when one keeps up, {@link ReplicaReads}); queue
 * figures from the queue's own store.
 */
public class OperationsStatistics {

    /** How many days back the per-day series reach. */
    static final int DAYS = 30;

    private final ReplicaReads reads;
    private final JobQueue queue;
    private final List<JobType> types;
    private final Clock clock;

    /**
     * @param queue null on a target without a queue (then no queue figures)
     * @param types the job types whose depth the dashboard shows
     */
    public OperationsStatistics(
            ReplicaReads reads, JobQueue queue, Collection<JobType> types, Clock clock) {
        this.reads = reads;
        this.queue = queue;
        this.types = List.copyOf(types);
        this.clock = clock;
    }

    /** Matches created on a day, by their status now. */
    public record MatchOutcome(LocalDate day, String status, long count) {}

    /**
     * Match runs written on a day and how many of them were degraded (ranked without the model).
     */
    public record RunsPerDay(LocalDate day, long runs, long degraded) {}

    /**
     * @param depth jobs not yet done; -1 when the queue's store could not be read
     * @param oldestAgeSeconds age of the oldest job not yet done
     */
    public record QueueDepth(String type, long depth, double oldestAgeSeconds, long dead) {}

    public List<MatchOutcome> matchOutcomes() {
        return reads.jdbc()
                .sql(
                        """
                        select cast(created_at at time zone 'UTC' as date) as day, status, count(*)
                        from match where created_at >= :since group by 1, 2 order by 1, 2
                        """)
                .param("since", java.sql.Timestamp.from(since()))
                .query(
                        (rs, i) ->
                                new MatchOutcome(
                                        rs.getObject(1, LocalDate.class),
                                        rs.getString(2),
                                        rs.getLong(3)))
                .list();
    }

    public List<RunsPerDay> runsPerDay() {
        return reads.jdbc()
                .sql(
                        """
                        select cast(created_at at time zone 'UTC' as date) as day, count(*),
                            count(*) filter (where degraded)
                        from match_run where created_at >= :since group by 1 order by 1
                        """)
                .param("since", java.sql.Timestamp.from(since()))
                .query(
                        (rs, i) ->
                                new RunsPerDay(
                                        rs.getObject(1, LocalDate.class),
                                        rs.getLong(2),
                                        rs.getLong(3)))
                .list();
    }

    public List<QueueDepth> queues() {
        if (queue == null) {
            return List.of();
        }
        // All types at once, within a second: the dashboard must not wait for a queue store that
        // is away (a Redis failover); an unknown depth shows as -1.
        Map<JobType, QueueStats> stats = BoundedStats.of(queue, types, Duration.ofSeconds(1));
        return types.stream().map(type -> depth(type, stats.get(type))).toList();
    }

    private static QueueDepth depth(JobType type, QueueStats s) {
        if (s == null) {
            return new QueueDepth(type.name(), -1, 0, 0);
        }
        Duration age = s.oldestAge() == null ? Duration.ZERO : s.oldestAge();
        return new QueueDepth(type.name(), s.depth(), age.toMillis() / 1000.0, s.dead());
    }

    private Instant since() {
        return clock.instant().minus(Duration.ofDays(DAYS));
    }
}
