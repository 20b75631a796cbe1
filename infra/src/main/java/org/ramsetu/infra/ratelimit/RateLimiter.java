package org.ramsetu.infra.ratelimit;

/**
 * Token-bucket rate limits: in this process (the embedded default) or in Redis, so that a limit
 * holds across every API instance. A bucket is per limit and key (e.g. {@code login} and an e-mail
 * address, or {@code api} and a client IP).
 */
public interface RateLimiter {

    /**
     * Takes {@code tokens} from the bucket of {@code key} under limit {@code limitName} if it has
     * that many.
     *
     * @throws IllegalArgumentException for an unknown limit, a blank key or tokens outside
     *     1..capacity
     */
    RateLimitDecision tryConsume(String limitName, String key, long tokens);

    default RateLimitDecision tryConsume(String limitName, String key) {
        return tryConsume(limitName, key, 1);
    }
}
