package org.ramsetu.platform.records;

import org.ramsetu.platform.kernel.InvalidInput;

/**
 * How many of a ranking run's candidates or exclusions one read answers, for match and allocation
 * runs alike: a run may rank thousands, and a read names how many of the head it wants.
 */
public final class RunListSize {

    /** The most rows of a run one read answers. */
    public static final int MAX = 10_000;

    /** The deepest rank a read may start at: more than any waiting list or registry holds. */
    public static final int MAX_RANK = 10_000_000;

    private RunListSize() {}

    /**
     * The size asked for, or {@code defaultSize} when none was.
     *
     * @throws InvalidInput naming {@code field} for a size below 0 or above {@link #MAX}
     */
    public static int checked(String field, Integer requested, int defaultSize) {
        int value = requested == null ? defaultSize : requested;
        if (value < 0 || value > MAX) {
            throw InvalidInput.field(field, "must be 0 to " + MAX);
        }
        return value;
    }

    /**
     * The rank a read of the ranked list starts at, 1 (the head) when none was asked for.
     *
     * @throws InvalidInput naming {@code fromRank} below 1 or above {@link #MAX_RANK}
     */
    public static int firstRank(Integer requested) {
        int value = requested == null ? 1 : requested;
        if (value < 1 || value > MAX_RANK) {
            throw InvalidInput.field("fromRank", "must be 1 to " + MAX_RANK);
        }
        return value;
    }
}
