package org.ramsetu.infra.scoring;

import java.util.List;

/** Candidates to score, every one of them. */
public record ScoreRequest(List<Candidate> candidates) {
    public ScoreRequest {
        candidates = List.copyOf(candidates);
    }
}
