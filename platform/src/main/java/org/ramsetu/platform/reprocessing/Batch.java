package org.ramsetu.platform.reprocessing;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;

/**
 * One re-processing batch as recorded: what it ranks again, where it stands and what it found.
 *
 * @param reason {@code MODEL} or {@code POLICY}
 * @param modelVersion the version the batch ranks with; null until a requested batch starts
 * @param state {@code REQUESTED}, {@code SCHEDULED}, {@code RUNNING}, {@code SUCCEEDED} or {@code
 *     FAILED}
 * @param rankingsChanged runs whose new ranking differs from the old one in any place
 * @param topChanged runs whose best candidates (the proposals) differ
 * @param runsSkipped open runs passed over (the record left its open state or changed meanwhile, or
 *     scoring served another model version)
 * @param meanCorrelation the mean of the runs' Spearman correlations; null before any
 * @param minCorrelation the lowest run's Spearman correlation; null before any
 * @param meanRankShift the mean over runs of each run's mean absolute rank shift; null before any
 */
public record Batch(
        UUID id,
        Organ organ,
        String reason,
        String modelVersion,
        String previousVersion,
        String policyId,
        String state,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        int matchRunsTotal,
        int allocationRunsTotal,
        int matchRunsDone,
        int allocationRunsDone,
        int runsWritten,
        int rankingsChanged,
        int topChanged,
        int runsSkipped,
        int correlatedRuns,
        Double meanCorrelation,
        Double minCorrelation,
        Double meanRankShift,
        String error) {

    /** The name of the scheduled work's instance that runs this batch. */
    public String instanceId() {
        return organ.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
