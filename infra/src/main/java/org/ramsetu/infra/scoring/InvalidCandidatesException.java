package org.ramsetu.infra.scoring;

import java.util.List;
import java.util.stream.Collectors;

/** Some candidates or request fields are not acceptable (HTTP 400); every problem is listed. */
public final class InvalidCandidatesException extends ScoringException {

    /** Problems beyond this many are counted, not listed, so an error never grows unbounded. */
    public static final int MAX_LISTED = 20;

    private final List<CandidateProblem> problems;

    public InvalidCandidatesException(List<CandidateProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems.subList(0, Math.min(MAX_LISTED, problems.size())));
    }

    /** At most {@link #MAX_LISTED} problems. */
    public List<CandidateProblem> problems() {
        return problems;
    }

    private static String summary(List<CandidateProblem> problems) {
        String listed =
                problems.stream()
                        .limit(3)
                        .map(CandidateProblem::toString)
                        .collect(Collectors.joining("; "));
        return problems.size() > 3 ? listed + "; and " + (problems.size() - 3) + " more" : listed;
    }
}
