package org.ramsetu.infra.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * After every migration, where migrations run as the schema's owner and the application logs in as
 * another role (docs/SECURITY.md, "Tamper-evident audit"): that role may read and write rows of
 * every table and use the sequences, nothing more. It owns nothing, so it can neither create, alter
 * nor drop anything, nor switch a trigger off. Append-only tables (those with a trigger calling a
 * function named {@code *_is_append_only}, as the audit log and its chain have) it may only read
 * and insert into, and the migration history only read. Granted again after each migration, whether
 * it applied anything or not, so tables added later are covered and a deployment that moves to
 * separate roles is set up by its next start.
 */
public final class ApplicationRoleGrants extends MigrationCallback {

    private final String role;

    public ApplicationRoleGrants(String role) {
        super("application-role-grants", Event.AFTER_MIGRATE);
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("the application's role must be named");
        }
        this.role = role;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            String schema = single(sql, "select current_schema()");
            if (role.equals(single(sql, "select current_user"))) {
                return; // one role for both: it owns everything already
            }
            String grantee = identifier(role);
            String in = identifier(schema);
            sql.execute("grant usage on schema " + in + " to " + grantee);
            sql.execute(
                    "grant select, insert, update, delete on all tables in schema "
                            + in
                            + " to "
                            + grantee);
            sql.execute("grant usage, select on all sequences in schema " + in + " to " + grantee);
            for (String table : appendOnlyTables(sql)) {
                sql.execute(
                        "revoke update, delete, truncate on "
                                + in
                                + "."
                                + identifier(table)
                                + " from "
                                + grantee);
            }
            sql.execute(
                    "revoke insert, update, delete, truncate on "
                            + in
                            + "."
                            + identifier(context.getConfiguration().getTable())
                            + " from "
                            + grantee);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not grant the application's role " + role + " its privileges", e);
        }
    }

    private static List<String> appendOnlyTables(Statement sql) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows =
                sql.executeQuery(
                        """
                        select distinct c.relname
                        from pg_trigger t
                        join pg_class c on c.oid = t.tgrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        join pg_proc p on p.oid = t.tgfoid
                        where not t.tgisinternal
                          and p.proname like '%\\_is\\_append\\_only'
                          and n.nspname = current_schema()
                        order by 1
                        """)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** A quoted SQL identifier: DDL takes no bind parameters. */
    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
