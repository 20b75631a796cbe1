package org.ramsetu.infra.database;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises the errors PostgreSQL and its driver raise while a database is failing over: the
 * connection died ({@code 08…}, connection exception), the server is shutting down or starting
 * ({@code 57P01} admin shutdown, {@code 57P02} crash shutdown, {@code 57P03} cannot connect now),
 * or the server is read-only ({@code 25006}: a standby, or a primary being demoted in a
 * switchover). None says anything about the request that met it: the same request a moment later,
 * on the new primary, succeeds. (A {@code 25006} could also be a write in a transaction that the
 * code itself made read-only; no such write exists, and it would fail the same way every time.)
 */
public final class DatabaseFailures {

    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    /** {@code 25006} read_only_sql_transaction. */
    public static final String READ_ONLY_SQL_TRANSACTION = "25006";

    private DatabaseFailures() {}

    /** Whether {@code sqlState} means the database (not the request) is unavailable right now. */
    public static boolean isUnavailable(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || SERVER_GOING_AWAY.contains(sqlState)
                        || READ_ONLY_SQL_TRANSACTION.equals(sqlState));
    }

    /** A connection-class state, or Hikari's word for a connection it already closed as broken. */
    private static boolean isConnectionGone(SQLException e) {
        return isUnavailable(e.getSQLState()) || "Connection is closed".equals(e.getMessage());
    }

    /**
     * Whether {@code failure}, one of its causes, or an exception chained to a {@link SQLException}
     * among them has such a state.
     */
    public static boolean isUnavailable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            // A commit or rollback that failed in the driver (for a rollback on a dead connection
            // Hikari says only "Connection is closed", without a state) is never about the
            // request: the connection is gone, and whether a commit happened is unknown. Spring
            // reports the rollback's failure; the statement's own failure, if any, is kept aside.
            if (t instanceof TransactionSystemException tx
                    && (tx.getCause() instanceof SQLException sql && isConnectionGone(sql)
                            || tx.getApplicationException() != null
                                    && isUnavailable(tx.getApplicationException()))) {
                return true;
            }
            if (t instanceof SQLException sql) {
                SQLException next = sql;
                for (int n = 0; next != null && n < 10; n++, next = next.getNextException()) {
                    if (isUnavailable(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
