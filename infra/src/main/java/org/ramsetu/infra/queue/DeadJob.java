package org.ramsetu.infra.queue;

/** A job that exhausted its attempts, with the error of its last one. */
public record DeadJob(Job job, String lastError) {}
