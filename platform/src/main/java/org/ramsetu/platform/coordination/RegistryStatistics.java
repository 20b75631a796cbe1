package org.ramsetu.platform.coordination;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.ramsetu.platform.documents.DocumentFigures;
import org.ramsetu.platform.matching.MatchingFigures;
import org.ramsetu.platform.registry.RegistryFigures;
import org.ramsetu.platform.registry.RegistryFigures.PledgeCount;
import org.ramsetu.platform.registry.RegistryFigures.RequestCount;
import org.ramsetu.platform.registry.RegistryFigures.WaitingList;

/**
 * The coordinators' dashboard: each feature's figures, counted by the feature that owns them
 * ({@link RegistryFigures}, {@link DocumentFigures}, {@link MatchingFigures} through {@link
 * OperationsStatistics}), and the depth of the job queues.
 */
public class RegistryStatistics {

    private final RegistryFigures registry;
    private final DocumentFigures documents;
    private final OperationsStatistics operations;
    private final Clock clock;

    public RegistryStatistics(
            RegistryFigures registry,
            DocumentFigures documents,
            OperationsStatistics operations,
            Clock clock) {
        this.registry = registry;
        this.documents = documents;
        this.operations = operations;
        this.clock = clock;
    }

    /**
     * @param matchOutcomes matches created per day of the last 30, by their status now
     * @param matchRuns match runs per day of the last 30, with how many were degraded
     * @param queues the depth of each job queue (work waiting for a worker)
     */
    public record Stats(
            Instant generatedAt,
            List<PledgeCount> pledges,
            List<RequestCount> requests,
            List<WaitingList> waitingList,
            long documentsAwaitingReview,
            List<MatchingFigures.MatchOutcome> matchOutcomes,
            List<MatchingFigures.RunsPerDay> matchRuns,
            List<OperationsStatistics.QueueDepth> queues) {}

    public Stats current() {
        Instant now = clock.instant();
        return new Stats(
                now,
                registry.pledges(),
                registry.requests(),
                registry.waitingList(now),
                documents.awaitingReview(),
                operations.matchOutcomes(),
                operations.runsPerDay(),
                operations.queues());
    }
}
