package org.ramsetu.infra.queue;

/** The job's id, and whether an earlier enqueue of the same type and key already created it. */
public record EnqueueResult(String jobId, boolean duplicate) {}
