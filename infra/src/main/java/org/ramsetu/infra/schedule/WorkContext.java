package org.ramsetu.infra.schedule;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** What a running body of scheduled work may ask of the scheduler. */
public interface WorkContext {

    String workName();

    /** The one-time instance id, or {@code recurring} for recurring work. */
    String instanceId();

    /** The time this execution was due. */
    Instant scheduledFor();

    /**
     * Progress for the operations endpoint, the metrics and the console: {@code total} may be 0
     * while unknown. Cheap to call often; written at most once a second.
     */
    void progress(long done, long total, String message);

    /**
     * The checkpoint the last attempt of this execution saved, if any: a body killed half-way
     * resumes after what it had finished.
     */
    Optional<String> checkpoint();

    /**
     * Runs {@code effect} in a new transaction together with a ledger entry for {@code key} (unique
     * within this execution) and the new checkpoint, unless the entry is already there because an
     * earlier attempt committed it; returns whether it ran. This is how a body's database effects
     * happen exactly once although the body may run again after a crash.
     */
    default boolean effectOnce(String key, String checkpointAfter, Runnable effect) {
        return effectOnce(
                        key,
                        checkpointAfter,
                        () -> {
                            effect.run();
                            return Boolean.TRUE;
                        })
                .isPresent();
    }

    /**
     * Like {@link #effectOnce(String, String, Runnable)}, returning the effect's value if it ran.
     */
    <R> Optional<R> effectOnce(String key, String checkpointAfter, Supplier<R> effect);

    /**
     * True once this process is shutting down: a long body stops at the next chunk boundary by
     * throwing {@link WorkInterruptedException}, and another worker resumes it from its checkpoint.
     */
    boolean stopping();
}
