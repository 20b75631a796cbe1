package org.ramsetu.platform.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small conversions the registry repositories share. */
public final class Sql {

    private Sql() {}

    /**
     * A column list ({@code "id, organ,\n status"}) with each column qualified by a table alias
     * ({@code "p.id, p.organ, p.status"}), for joins that read a table's named columns.
     */
    public static String qualified(String alias, String columns) {
        return Arrays.stream(columns.split(","))
                .map(String::strip)
                .filter(column -> !column.isEmpty())
                .map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A {@code text[]} column as a list; empty for null. */
    public static List<String> textList(ResultSet rs, String column) throws SQLException {
        java.sql.Array value = rs.getArray(column);
        return value == null ? List.of() : List.of((String[]) value.getArray());
    }

    /**
     * Now, at the precision PostgreSQL keeps (microseconds), so that a time read back equals the
     * time written and keyset cursors compare exactly.
     */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Runs one insert or update of a versioned record with its named values. False when it wrote no
     * row: the insert met a record that exists already ({@code on conflict do nothing}), or the
     * update's version check ({@code where version = :version - 1}) found another writer first.
     */
    public static boolean wroteRow(JdbcClient jdbc, String statement, Map<String, ?> values) {
        return jdbc.sql(statement).params(values).update() > 0;
    }
}
