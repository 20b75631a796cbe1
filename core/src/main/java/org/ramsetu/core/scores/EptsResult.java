package org.ramsetu.core.scores;

/** Raw EPTS with its formula version and the percentile looked up in a versioned table. */
public record EptsResult(double raw, String formulaVersion, PercentileResult percentile) {}
