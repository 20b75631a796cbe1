package org.ramsetu.infra.database;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells Hikari to throw away a pooled connection whose server answered that it is read-only ({@code
 * 25006}): after a switchover the node it leads to is a standby now, and the pool must not hand the
 * connection out again until its maximum lifetime. Hikari already evicts on connection errors
 * ({@code 08…}) and shutdowns ({@code 57P01}–{@code 57P03}). Set by class name: {@code
 * spring.datasource.hikari.exception-override-class-name}.
 */
public final class FailoverConnectionEviction implements SQLExceptionOverride {

    // Hikari's nested enum Override shadows the annotation here.
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return DatabaseFailures.READ_ONLY_SQL_TRANSACTION.equals(e.getSQLState())
                ? Override.MUST_EVICT
                : Override.CONTINUE_EVICT;
    }
}
