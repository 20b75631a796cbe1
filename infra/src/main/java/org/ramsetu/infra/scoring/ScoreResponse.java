package org.ramsetu.infra.scoring;

import java.util.List;

/** Every candidate's score; match results to candidates by id, not by position. */
public record ScoreResponse(String modelVersion, List<ScoredCandidate> results) {}
