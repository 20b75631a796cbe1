package org.ramsetu.platform.matching.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A match run as a request's list of runs shows it: when and how it ranked, how many it ranked and
 * excluded, without the lists themselves (they are read with the run).
 *
 * @param trigger {@code COORDINATOR}, {@code RESCORING} or {@code REPROCESSED}
 * @param createdBy the coordinator who asked; absent for a run written by a job
 * @param modelVersion the model that scored it; absent for a degraded run
 * @param rescoredFrom the degraded run a re-scoring run replaces
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchRunSummary(
        UUID id,
        UUID requestId,
        Instant createdAt,
        String trigger,
        @Nullable UUID createdBy,
        boolean degraded,
        @Nullable String modelVersion,
        String policyVersion,
        int candidateCount,
        int excludedCount,
        @Nullable UUID rescoredFrom) {}
