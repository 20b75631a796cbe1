package org.ramsetu.platform.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ramsetu.platform.kernel.InvalidInput;

/**
 * The optional filters of a list query and its keyset condition, collected as SQL with named
 * parameters. Values are always bound, never concatenated.
 */
public final class ListQuery {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code condition} with parameter {@code name} when the value is present. */
    public ListQuery filter(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /**
     * Rows strictly after the cursor in {@code (time desc, id desc)} order; a row comparison, which
     * PostgreSQL answers from an index on {@code (..., time desc, id desc)}.
     */
    public ListQuery after(String timeColumn, String idColumn, Cursor cursor) {
        return after(timeColumn, idColumn, cursor, ListOrder.NEWEST_FIRST);
    }

    /**
     * Rows strictly after the cursor in {@code order}: {@code (time desc, id desc)} or {@code (time
     * asc, id asc)}, both answered from the same index (read backwards for the oldest first).
     */
    public ListQuery after(String timeColumn, String idColumn, Cursor cursor, ListOrder order) {
        if (cursor != null) {
            requireOrder(cursor.rank() == null);
            conditions.add(
                    "("
                            + timeColumn
                            + ", "
                            + idColumn
                            + ") "
                            + (order == ListOrder.OLDEST_FIRST ? ">" : "<")
                            + " (:cursorAt, :cursorId)");
            params.put("cursorAt", Sql.timestamp(cursor.at()));
            params.put("cursorId", cursor.id());
        }
        return this;
    }

    /**
     * Rows strictly after the cursor in {@code (key asc, time asc, id asc)} order: a list ranked by
     * a whole-number key, lowest first (a value a coordinator wants highest first is stored negated
     * in {@code keyExpression}), ties the longest listed first. A row comparison, which PostgreSQL
     * answers from an index on {@code (..., keyExpression, time, id)}.
     *
     * @param ranking the ranking's name, as its cursors carry it ({@link Cursor.Rank#order()})
     */
    public ListQuery afterKeyed(
            String ranking,
            String keyExpression,
            String timeColumn,
            String idColumn,
            Cursor cursor) {
        if (cursor != null) {
            requireOrder(cursor.rank() != null && cursor.rank().order().equals(ranking));
            conditions.add(
                    "("
                            + keyExpression
                            + ", "
                            + timeColumn
                            + ", "
                            + idColumn
                            + ") > (:cursorKey, :cursorAt, :cursorId)");
            params.put("cursorKey", cursor.rank().key());
            params.put("cursorAt", Sql.timestamp(cursor.at()));
            params.put("cursorId", cursor.id());
        }
        return this;
    }

    // A cursor issued for a list in one order (by time, by one key) names no place in another.
    private static void requireOrder(boolean sameKind) {
        if (!sameKind) {
            throw InvalidInput.field(
                    "after", "is the nextCursor of this list in another order; start again");
        }
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /**
     * The query: {@code select} (up to the where clause), the filters, {@code orderBy}, and a limit
     * one row beyond the page, so the caller knows whether another page follows.
     */
    public Statement toSql(String select, String orderBy, int pageLimit) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", pageLimit + 1);
        return new Statement(select + where() + " order by " + orderBy + " limit :limit", all);
    }

    /** The whole filtered list, for streaming exports: no keyset condition, no limit. */
    public Statement toExportSql(String select, String orderBy) {
        return new Statement(select + where() + " order by " + orderBy, new HashMap<>(params));
    }

    /**
     * How many rows the filtered list holds: {@code select} wrapped in a count, without the keyset
     * condition or a limit, so it counts the whole list whichever page is asked.
     */
    public Statement toCountSql(String select) {
        return new Statement(
                "select count(*) from (" + select + where() + ") listed", new HashMap<>(params));
    }

    /**
     * A {@code like} pattern for text that holds {@code part} anywhere, in any case: lower-cased,
     * with {@code \ % _} escaped so that they stand for themselves. Compared with a lower-cased
     * column, which a trigram index answers for a part of three characters or more.
     */
    public static String containing(String part) {
        return "%" + literally(part) + "%";
    }

    /** A {@code like} pattern for text that starts with {@code part}, as {@link #containing}. */
    public static String startingWith(String part) {
        return literally(part) + "%";
    }

    private static String literally(String part) {
        return part.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }

    /** SQL with named parameters and their values. */
    public record Statement(String text, Map<String, Object> params) {}
}
