package org.ramsetu.platform.allocation.runs;

import java.util.UUID;
import org.ramsetu.infra.queue.JobType;

/** The job that re-scores a degraded allocation run: its type and key (one per degraded run). */
public final class AllocationRescoringJobs {

    public static final JobType TYPE = JobType.of("allocation.rescore");

    private AllocationRescoringJobs() {}

    static String key(UUID degradedRunId) {
        return "allocation-rescore:" + degradedRunId;
    }
}
