package org.ramsetu.infra.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A migration waits only briefly for a table lock. An {@code ALTER TABLE} queued behind a long
 * transaction (a report's cursor, an export) holds its place in the lock queue, and every request
 * touching the table queues behind it: the running release would stall for as long as that
 * transaction lasts, its pool would run dry and requests would fail. With a short wait the
 * migration gives way instead; {@link FlywayScans#migrate} tries it again a moment later.
 *
 * <p>Set with {@code SET LOCAL} inside each transactional migration, so it ends with the
 * migration's transaction and never reaches a pooled connection. A non-transactional migration
 * ({@code CREATE INDEX CONCURRENTLY}) blocks no writer and keeps waiting as long as it needs.
 */
public final class MigrationLockWaits extends MigrationCallback {

    /** PostgreSQL's SQLSTATE for "lock_not_available", raised when lock_timeout expires. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Duration lockTimeout;

    public MigrationLockWaits(Duration lockTimeout) {
        super("migration-lock-waits", Event.BEFORE_EACH_MIGRATE);
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("a migration's lock wait must be positive");
        }
        this.lockTimeout = lockTimeout;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (connection.getAutoCommit()) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = " + lockTimeout.toMillis());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bound the migration's lock waits", e);
        }
    }

    /** Whether a failed migration gave way to another transaction's lock (worth another try). */
    static boolean gaveWayToALock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
