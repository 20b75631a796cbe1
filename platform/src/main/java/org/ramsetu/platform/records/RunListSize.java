package org.ramsetu.platform.records;

import org.ramsetu.platform.kernel.InvalidInput;

/**
 * How many of a ranking run's candidates or exclusions one read answers, for match and allocation
 * runs alike: a run may rank thousands, and a read names how many of the head it wants.
 */
public final class RunListSize {

    /** The most rows of a run one read answers. */
    public static final int MAX = 10_000;

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
}
