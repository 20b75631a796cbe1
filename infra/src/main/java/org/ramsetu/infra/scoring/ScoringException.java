package org.ramsetu.infra.scoring;

/** Why a scoring call was refused or could not be served; the message is for a person. */
public abstract sealed class ScoringException extends RuntimeException
        permits UnknownOrganException,
                InvalidCandidatesException,
                TooManyCandidatesException,
                ScoringUnavailableException {

    protected ScoringException(String message) {
        super(message);
    }

    protected ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
