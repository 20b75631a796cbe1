package org.ramsetu.platform.allocation.runs;

/**
 * An allocation run was written for a verified pledge, by a coordinator or by the re-scoring of a
 * degraded run. Published in the run's transaction, so its listener (the audit entry) commits or
 * rolls back with it.
 */
public record AllocationRunRecorded(AllocationRun run) {}
