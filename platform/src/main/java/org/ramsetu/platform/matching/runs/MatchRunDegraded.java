package org.ramsetu.platform.matching.runs;

import java.util.UUID;
import org.ramsetu.core.organ.Organ;

/**
 * A match run was written degraded: ranked by the clinical rules without the model's score ({@code
 * cause} says why). Published in the run's transaction after {@link MatchRunRecorded}; its
 * listeners tell the coordinators and queue the run's re-scoring through the outbox, so the job
 * exists exactly when the run does.
 */
public record MatchRunDegraded(UUID runId, UUID requestId, Organ organ, String cause) {}
