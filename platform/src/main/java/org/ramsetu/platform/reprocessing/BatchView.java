package org.ramsetu.platform.reprocessing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.schedule.WorkStatus;

/**
 * A batch as the operations endpoint, the CLI and the console show it: the recorded figures and,
 * where the scheduler knows the instance, its live state and last progress message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchView(
        UUID id,
        @Schema(implementation = Organ.class) String organ,
        String reason,
        @Nullable String modelVersion,
        @Nullable String previousVersion,
        @Nullable String policyId,
        String state,
        @Nullable String requestedBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        Progress progress,
        Figures figures,
        @Nullable Work work,
        @Nullable String error) {

    /** Open runs found when the batch started, and how many it has dealt with. */
    public record Progress(
            int matchRunsTotal,
            int allocationRunsTotal,
            int matchRunsDone,
            int allocationRunsDone) {}

    /**
     * What the batch found so far.
     *
     * @param runsWritten new {@code REPROCESSED} runs
     * @param rankingsChanged runs whose ranking differs anywhere
     * @param topChanged runs whose best candidates (the proposals) differ
     * @param meanSpearman mean of the runs' rank correlations; null before any
     * @param minSpearman the lowest; null before any
     * @param meanRankShift mean of the runs' mean absolute rank shifts; null before any
     */
    public record Figures(
            int runsWritten,
            int rankingsChanged,
            int topChanged,
            int runsSkipped,
            int correlatedRuns,
            @Nullable Double meanSpearman,
            @Nullable Double minSpearman,
            @Nullable Double meanRankShift) {}

    /** The scheduler's view of the batch's instance. */
    public record Work(
            String state,
            @Nullable String worker,
            long done,
            long total,
            @Nullable String message) {}

    public static BatchView of(Batch b, WorkStatus status) {
        return new BatchView(
                b.id(),
                b.organ().name(),
                b.reason(),
                b.modelVersion(),
                b.previousVersion(),
                b.policyId(),
                b.state(),
                b.requestedBy(),
                b.createdAt(),
                b.startedAt(),
                b.finishedAt(),
                new Progress(
                        b.matchRunsTotal(),
                        b.allocationRunsTotal(),
                        b.matchRunsDone(),
                        b.allocationRunsDone()),
                new Figures(
                        b.runsWritten(),
                        b.rankingsChanged(),
                        b.topChanged(),
                        b.runsSkipped(),
                        b.correlatedRuns(),
                        b.meanCorrelation(),
                        b.minCorrelation(),
                        b.meanRankShift()),
                status == null
                        ? null
                        : new Work(
                                status.state().name(),
                                status.worker(),
                                status.done(),
                                status.total(),
                                status.message()),
                b.error());
    }
}
