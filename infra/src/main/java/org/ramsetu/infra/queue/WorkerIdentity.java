package org.ramsetu.infra.queue;

/** This process's name among consumers (the instance id), so leases show who holds a job. */
public record WorkerIdentity(String id) {}
