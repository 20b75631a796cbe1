package org.ramsetu.infra.ratelimit;

import java.time.Duration;

/**
 * The answer to one request: allowed or not, tokens left afterwards, and when denied how long until
 * enough tokens are back (for a {@code Retry-After} header; zero when allowed).
 */
public record RateLimitDecision(boolean allowed, long remainingTokens, Duration retryAfter) {

    public static RateLimitDecision allowed(long remainingTokens) {
        return new RateLimitDecision(true, remainingTokens, Duration.ZERO);
    }

    public static RateLimitDecision denied(long remainingTokens, Duration retryAfter) {
        return new RateLimitDecision(false, remainingTokens, retryAfter);
    }

    /** Whole seconds, rounded up, as {@code Retry-After} wants them. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }

    /** When to come back, in words for a problem's detail: "try again in 1 second". */
    public String tryAgainIn() {
        long seconds = retryAfterSeconds();
        return "try again in " + seconds + (seconds == 1 ? " second" : " seconds");
    }
}
