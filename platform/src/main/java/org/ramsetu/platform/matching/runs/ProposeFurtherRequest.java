package org.ramsetu.platform.matching.runs;

/**
 * {@code POST /api/v1/match-runs/{id}/proposals}: @param throughRank the deepest rank to propose
 */
public record ProposeFurtherRequest(Integer throughRank) {}
