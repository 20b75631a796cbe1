package org.ramsetu.platform.allocation.runs;

import java.util.UUID;

/**
 * An allocation run was written degraded: ranked by the policy without the model's score. Published
 * in the run's transaction after {@link AllocationRunRecorded}; its listener queues the run's
 * re-scoring through the outbox, so the job exists exactly when the run does.
 */
public record AllocationRunDegraded(UUID runId) {}
