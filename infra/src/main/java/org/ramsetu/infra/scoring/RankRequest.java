package org.ramsetu.infra.scoring;

import java.util.List;

/** Candidates to rank and how many of the best to return ({@code topK} ≥ 1). */
public record RankRequest(List<Candidate> candidates, int topK) {
    public RankRequest {
        candidates = List.copyOf(candidates);
    }
}
