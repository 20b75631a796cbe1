package org.ramsetu.platform.kernel;

import java.time.Duration;

/**
 * Refused because the same thing was tried too often too recently (codes, logins); it will be
 * accepted again after {@link #retryAfter()}.
 */
public final class TooManyAttempts extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "rate-limited";

    private final Duration retryAfter;

    public TooManyAttempts(String detail, Duration retryAfter) {
        super(TYPE, detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
