package org.ramsetu.infra.scoring;

/** The model server cannot answer now (models not loaded yet, or unreachable) (HTTP 503). */
public final class ScoringUnavailableException extends ScoringException {

    /** Why, in a few fixed words: a metric label and an alert's subject, never free text. */
    public enum Reason {
        TIMEOUT,
        BREAKER_OPEN,
        BUSY,
        UNREACHABLE,
        NOT_CONFIGURED,
        NOT_READY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public ScoringUnavailableException(String message) {
        this(message, Reason.NOT_READY, null);
    }

    public ScoringUnavailableException(String message, Throwable cause) {
        this(message, Reason.UNREACHABLE, cause);
    }

    public ScoringUnavailableException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
