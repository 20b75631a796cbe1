package org.ramsetu.platform.records;

import org.ramsetu.platform.kernel.InvalidInput;

/**
 * Which end of a list kept in time order comes first: the newest (the default: what changed lately)
 * or the oldest (a queue worked from its head: the longest-listed patient, the pledge that has
 * waited longest for review).
 */
public enum ListOrder {
    NEWEST_FIRST("newest"),
    OLDEST_FIRST("oldest");

    private final String parameter;

    ListOrder(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code sort} query parameter that asks for it. */
    public String parameter() {
        return parameter;
    }

    /**
     * @param sort {@code newest}, {@code oldest}, or absent for newest first
     * @throws InvalidInput naming {@code sort} for anything else
     */
    public static ListOrder of(String sort) {
        return SortParameter.parse(sort, values(), ListOrder::parameter, NEWEST_FIRST);
    }
}
