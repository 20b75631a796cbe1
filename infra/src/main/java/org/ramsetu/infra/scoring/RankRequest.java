package org.ramsetu.infra.scoring;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Candidates to rank and how many of the best to return ({@code topK} ≥ 1). */
public record RankRequest(
        List<Candidate> candidates,
        @Schema(
                        requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                        minimum = "1",
                        description = "how many of the best to answer; 10 when absent")
                int topK) {
    public RankRequest {
        candidates = List.copyOf(candidates);
    }
}
