package org.ramsetu.infra.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every use of Flyway in this process, one at a time. Flyway's class-path scanner keeps the names
 * of the resources it found in a static cache that is not thread-safe: a scan during another one
 * fails inside Flyway with a NullPointerException. The readiness check reads the schema history in
 * the background while the start-up migration runs, so without this an instance failed to start now
 * and then (seen in the rollout drill: "ResourceNameCache.get" during {@code migrate}).
 */
public final class FlywayScans {

    private static final Logger log = LoggerFactory.getLogger(FlywayScans.class);
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private FlywayScans() {}

    /** Migrates, waiting for any other use of Flyway to end first. */
    public static void migrate(Flyway flyway) {
        migrate(flyway, 1, Duration.ZERO);
    }

    /**
     * Migrates, trying again after a pause (doubling from {@code firstPause}, at most 15 s) when a
     * migration gave way to another transaction's lock (MigrationLockWaits). Each migration is its
     * own transaction, so a try resumes at the one that gave way; a migration that gave way was
     * rolled back whole. After {@code attempts} tries the failure is thrown and the start fails.
     */
    public static void migrate(Flyway flyway, int attempts, Duration firstPause) {
        LOCK.lock();
        try {
            Duration pause = firstPause;
            for (int attempt = 1; ; attempt++) {
                try {
                    MigrateResult result = flyway.migrate();
                    if (result.migrationsExecuted > 0) {
                        refreshStatistics(flyway, result.migrationsExecuted);
                    }
                    return;
                } catch (FlywayException e) {
                    if (attempt >= attempts || !MigrationLockWaits.gaveWayToALock(e)) {
                        throw e;
                    }
                    log.warn(
                            "A migration gave way to another transaction's lock (try {} of {});"
                                    + " trying again in {} ms: {}",
                            attempt,
                            attempts,
                            pause.toMillis(),
                            e.getMessage());
                    sleep(pause);
                    pause = min(pause.multipliedBy(2), LONGEST_PAUSE);
                }
            }
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Migrations may have moved many rows: the planner gets fresh statistics before the first
     * request is served, as the role that migrated (the tables' owner). A failure leaves the
     * refresh to autovacuum and does not stop the start.
     */
    private static void refreshStatistics(Flyway flyway, int migrations) {
        try {
            PlannerStatistics.Refreshed refreshed =
                    PlannerStatistics.refresh(flyway.getConfiguration().getDataSource());
            log.info(
                    "Planner statistics refreshed after {} migration(s): {} table(s) with rows in"
                            + " {} ms",
                    migrations,
                    refreshed.tables(),
                    refreshed.took().toMillis());
        } catch (SQLException e) {
            log.warn(
                    "Planner statistics not refreshed after {} migration(s); autovacuum will: {}",
                    migrations,
                    e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to migrate again", e);
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
