package org.ramsetu.platform.kernel;

import java.time.Duration;

/**
 * The use case cannot run right now (every ranking slot busy, no scheduler on this target), though
 * nothing is wrong with the request: the same request may succeed after {@link #retryAfter()}.
 */
public final class Unavailable extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String title;
    private final Duration retryAfter;

    /**
     * @param title a few words for people, e.g. "Too busy"
     * @param retryAfter zero when there is no useful time to come back
     */
    public Unavailable(String type, String title, String detail, Duration retryAfter) {
        super(type, detail);
        this.title = title;
        this.retryAfter = retryAfter;
    }

    public String title() {
        return title;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
