package org.ramsetu.infra.scoring;

import java.util.List;

/**
 * The model server as the platform sees it (docs/api.md "Scoring service"). In {@code all} it is
 * served in-process; in split mode over HTTP. Every result is keyed by candidate id, never by
 * position (the original service attached scores to the wrong donors by re-sorting a top 5).
 *
 * <p>Failures are the same for every adapter: {@link UnknownOrganException}, {@link
 * InvalidCandidatesException} (each problem names the candidate and the field), {@link
 * TooManyCandidatesException} and {@link ScoringUnavailableException}.
 */
public interface ScoringClient {

    /**
     * The best {@code request.topK()} candidates, best first, each with per-feature contributions.
     *
     * @param organ {@code kidney}, {@code liver}, {@code heart} or {@code cornea}, any case
     */
    RankResponse rank(String organ, RankRequest request);

    /** A score for every candidate, keyed by id; callers must not rely on the order. */
    ScoreResponse score(String organ, ScoreRequest request);

    /**
     * The same as {@link #score(String, ScoreRequest)} for candidates laid out as a matrix.
     * Adapters that can read the matrix as it is override this; the others get a map per candidate.
     * Every decorator must pass it on, or the matrix turns into maps at that decorator.
     */
    default ScoreResponse scoreRows(String organ, FeatureRows rows) {
        return score(organ, rows.asRequest());
    }

    /** The loaded model of every organ. */
    List<ModelSummary> models();
}
