package org.ramsetu.platform.records;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A page of a list in keyset order.
 *
 * @param nextCursor pass as {@code after} for the next page; null on the last page
 * @param total how many the whole list holds with its filters, exact, for "n of total"; absent
 *     where the list is not counted
 */
public record Page<T>(List<T> items, @Nullable String nextCursor, @Nullable Long total) {

    /**
     * @param fetched up to {@code limit + 1} rows: one more than the page tells whether another
     *     page follows
     * @param cursorOf where a row sits in the keyset order
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null, null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode(), null);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor, total);
    }

    /** This page, saying how many the whole list holds. */
    public Page<T> withTotal(long count) {
        return new Page<>(items, nextCursor, count);
    }
}
