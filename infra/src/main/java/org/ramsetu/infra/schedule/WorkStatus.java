package org.ramsetu.infra.schedule;

import java.time.Instant;

/**
 * One instance's state: {@code SCHEDULED} (due at {@code scheduledFor}), {@code RUNNING} (on {@code
 * worker}), {@code SUCCEEDED}, {@code FAILED} (and retried at {@code scheduledFor}), or {@code
 * RETRYING}. Progress is the last the body reported.
 */
public record WorkStatus(
        String workName,
        String instanceId,
        State state,
        Instant scheduledFor,
        String worker,
        Instant startedAt,
        Instant finishedAt,
        long done,
        long total,
        String message,
        String error) {

    public enum State {
        SCHEDULED,
        RUNNING,
        RETRYING,
        SUCCEEDED,
        FAILED
    }
}
