package org.ramsetu.infra.scoring;

/** One candidate's score, keyed by the caller's id. */
public record ScoredCandidate(String id, double score) {}
