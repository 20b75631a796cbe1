package org.ramsetu.infra.scoring;

/**
 * One problem with a request: the candidate (its id and index in the request; both null for a
 * problem with the request as a whole), the field, and what is wrong with it.
 */
public record CandidateProblem(String candidateId, Integer index, String field, String message) {

    public static CandidateProblem ofRequest(String field, String message) {
        return new CandidateProblem(null, null, field, message);
    }

    @Override
    public String toString() {
        String where =
                index == null
                        ? field
                        : "candidate "
                                + (candidateId == null ? "#" + index : "'" + candidateId + "'")
                                + " (candidates["
                                + index
                                + "]) field "
                                + field;
        return where + ": " + message;
    }
}
