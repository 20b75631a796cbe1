package org.ramsetu.infra.scoring;

import java.util.List;

/**
 * The best candidates, best first. {@code baseScore} (null when there were no candidates) is the
 * model's expected score before any feature is known: the start of every candidate's contributions.
 */
public record RankResponse(String modelVersion, Double baseScore, List<RankedCandidate> results) {}
