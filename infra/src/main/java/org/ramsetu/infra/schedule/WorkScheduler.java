package org.ramsetu.infra.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Schedules instances of {@link OneTimeWork}; available on every database target (an api request
 * schedules, a worker runs). Scheduling joins the caller's transaction, so work is scheduled
 * exactly when the change that asks for it commits.
 */
public interface WorkScheduler {

    /**
     * Schedules {@code data} as instance {@code instanceId} of {@code work} at {@code at}; false
     * (and nothing changes) if that instance is already scheduled or running.
     */
    <T> boolean schedule(OneTimeWork<T> work, String instanceId, T data, Instant at);

    /** Moves a scheduled, not yet running instance to {@code at}; false if there is none. */
    boolean reschedule(String workName, String instanceId, Instant at);

    /** Cancels a scheduled, not yet running instance; false if there is none. */
    boolean cancel(String workName, String instanceId);

    /** Where an instance stands: scheduled, running (with progress), or finished. */
    Optional<WorkStatus> status(String workName, String instanceId);
}
