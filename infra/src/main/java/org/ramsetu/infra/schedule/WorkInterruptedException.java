package org.ramsetu.infra.schedule;

/**
 * Thrown by a body that stops early because its process shuts down; the execution is retried
 * shortly, elsewhere, from its checkpoint, and is not counted as a failure.
 */
public class WorkInterruptedException extends RuntimeException {

    public WorkInterruptedException(String workName) {
        super(workName + " stopped early for a shutdown; it resumes from its checkpoint");
    }
}
