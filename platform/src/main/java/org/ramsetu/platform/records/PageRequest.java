package org.ramsetu.platform.records;

import org.ramsetu.platform.kernel.InvalidInput;

/**
 * One page of a list: at most {@code limit} items after the cursor ({@code null} for the first).
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String after) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInput.field("limit", "must be 1 to " + MAX_LIMIT);
        }
        return new PageRequest(
                size, after == null || after.isBlank() ? null : Cursor.decode("after", after));
    }
}
