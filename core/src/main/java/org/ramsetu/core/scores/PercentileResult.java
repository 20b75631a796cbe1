package org.ramsetu.core.scores;

/**
 * A percentile looked up in a versioned table.
 *
 * @param provisional true when the table is not a verified, current OPTN table (see its header)
 */
public record PercentileResult(int percentile, String tableVersion, boolean provisional) {}
