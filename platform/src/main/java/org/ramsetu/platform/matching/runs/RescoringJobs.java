package org.ramsetu.platform.matching.runs;

import java.util.UUID;
import org.ramsetu.infra.queue.JobType;

/** The re-scoring job: its type, and its key (one job per degraded run, whatever happens). */
public final class RescoringJobs {

    public static final JobType TYPE = JobType.of("matching.rescore");

    private RescoringJobs() {}

    static String key(UUID degradedRunId) {
        return "rescore:" + degradedRunId;
    }
}
