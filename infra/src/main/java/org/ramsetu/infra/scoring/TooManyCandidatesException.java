package org.ramsetu.infra.scoring;

/** More candidates than one call may carry (HTTP 413); split the call. */
public final class TooManyCandidatesException extends ScoringException {
    private final int count;
    private final int limit;

    public TooManyCandidatesException(int count, int limit) {
        super(
                count
                        + " candidates in one call; the limit is "
                        + limit
                        + " (split the candidates over several calls)");
        this.count = count;
        this.limit = limit;
    }

    public int count() {
        return count;
    }

    public int limit() {
        return limit;
    }
}
