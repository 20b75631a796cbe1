package org.ramsetu.infra.scoring;

/** The model server cannot answer now (models not loaded yet, or unreachable) (HTTP 503). */
public final class ScoringUnavailableException extends ScoringException {
    public ScoringUnavailableException(String message) {
        super(message);
    }

    public ScoringUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
