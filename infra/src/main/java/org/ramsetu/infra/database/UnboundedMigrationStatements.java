package org.ramsetu.infra.database;

import java.sql.SQLException;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Lifts the driver's socket timeout ({@code socketTimeout}, which bounds how long a statement may
 * wait for the server) on the connection that applies migrations: a migration may legitimately run
 * far longer than any request's statement (an index built over millions of rows), and cutting it
 * off would fail the start-up. Hikari restores the pool's timeout when the connection goes back.
 */
public final class UnboundedMigrationStatements extends MigrationCallback {

    public UnboundedMigrationStatements() {
        super("unbounded-migration-statements", Event.BEFORE_MIGRATE, Event.BEFORE_EACH_MIGRATE);
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            context.getConnection().setNetworkTimeout(Runnable::run, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lift the socket timeout for migrations", e);
        }
    }
}
