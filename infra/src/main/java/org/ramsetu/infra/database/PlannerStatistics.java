package org.ramsetu.infra.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Refreshes PostgreSQL's planner statistics after a bulk change (a demo load, a migration that
 * moved rows). Autovacuum analyses a table only after a pause and a share of changed rows; until
 * then the planner plans on the statistics of before, and a candidate query planned on an almost
 * empty table's statistics ran into its time limit (503) right after {@code ramsetu demo}.
 *
 * <p>Only tables that hold rows are analysed. Statistics that record an empty table are worse than
 * none: a table that was never analysed is estimated from its current size as it grows, one
 * analysed while empty was planned as empty, and a demo load into a freshly migrated database took
 * twice as long after an {@code ANALYZE} of every table (measured: 96 s instead of 50 s for 100,000
 * donors).
 */
public final class PlannerStatistics {

    /** A table locked by DDL or a manual VACUUM is not waited for longer than this. */
    private static final String LOCK_WAIT = "10s";

    /** Tables with rows that the current role may analyse (it owns them, or is in their owner). */
    private static final String TABLES_WITH_ROWS =
            """
            select format('%I.%I', n.nspname, c.relname)
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'm')
               and n.nspname not in ('pg_catalog', 'information_schema')
               and n.nspname not like 'pg\\_toast%'
               and pg_has_role(c.relowner, 'USAGE')
               and pg_relation_size(c.oid) > 0
             order by 1
            """;

    private PlannerStatistics() {}

    /** What a refresh did. */
    public record Refreshed(int tables, Duration took) {}

    /**
     * Analyses every table with rows that {@code dataSource}'s role owns (only a table's owner
     * may): pass the schema owner's connection where it is a separate role.
     *
     * @throws SQLException when the database refused or a lock was not granted in time
     */
    public static Refreshed refresh(DataSource dataSource) throws SQLException {
        long started = System.nanoTime();
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            try (ResultSet rs = statement.executeQuery(TABLES_WITH_ROWS)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("set lock_timeout = '" + LOCK_WAIT + "'");
                statement.execute("analyze " + String.join(", ", tables));
            }
        }
        return new Refreshed(tables.size(), Duration.ofNanos(System.nanoTime() - started));
    }
}
