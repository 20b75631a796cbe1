package org.ramsetu.platform.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ramsetu.infra.queue.BoundedStats;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.QueueStats;
import org.ramsetu.platform.matching.MatchingFigures;
import org.ramsetu.platform.matching.MatchingFigures.MatchOutcome;
import org.ramsetu.platform.matching.MatchingFigures.RunsPerDay;

/**
 * The coordinators' dashboard figures about matching and background work: match outcomes and runs
 * (degraded or not) per day over a recent window, counted by matching ({@link MatchingFigures}),
 * and the depth of each job queue this target knows, from the queue's own store.
 */
public class OperationsStatistics {

    /** How many days back the per-day series reach. */
    static final int DAYS = 30;

    private final MatchingFigures matching;
    private final JobQueue queue;
    private final List<JobType> types;
    private final Clock clock;

    /**
     * @param queue null on a target without a queue (then no queue figures)
     * @param types the job types whose depth the dashboard shows
     */
    public OperationsStatistics(
            MatchingFigures matching, JobQueue queue, Collection<JobType> types, Clock clock) {
        this.matching = matching;
        this.queue = queue;
        this.types = List.copyOf(types);
        this.clock = clock;
    }

    /**
     * @param depth jobs not yet done; -1 when the queue's store could not be read
     * @param oldestAgeSeconds age of the oldest job not yet done
     */
    public record QueueDepth(String type, long depth, double oldestAgeSeconds, long dead) {}

    public List<MatchOutcome> matchOutcomes() {
        return matching.matchOutcomes(since());
    }

    public List<RunsPerDay> runsPerDay() {
        return matching.runsPerDay(since());
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
