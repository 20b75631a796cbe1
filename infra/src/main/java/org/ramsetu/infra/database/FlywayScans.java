package org.ramsetu.infra.database;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Every use of Flyway in this process, one at a time. Flyway's class-path scanner keeps the names
 * of the resources it found in a static cache that is not thread-safe: a scan during another one
 * fails inside Flyway with a NullPointerException. The readiness check reads the schema history in
 * the background while the start-up migration runs, so without this an instance failed to start now
 * and then (seen in the rollout drill: "ResourceNameCache.get" during {@code migrate}).
 */
public final class FlywayScans {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private FlywayScans() {}

    /** Migrates, waiting for any other use of Flyway to end first. */
    public static void migrate(Flyway flyway) {
        LOCK.lock();
        try {
            flyway.migrate();
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * The schema history, or empty while another use of Flyway (a migration) is running: a health
     * check must answer at once, and a schema being migrated is not ready anyway.
     */
    public static Optional<MigrationInfoService> infoUnlessBusy(Flyway flyway) {
        if (!LOCK.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(flyway.info());
        } finally {
            LOCK.unlock();
        }
    }
}
