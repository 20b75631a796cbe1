package org.ramsetu.infra.ratelimit;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured limits by name, with the argument checks every adapter shares. */
public final class RateLimitCatalog {

    static final int MAX_KEY_LENGTH = 256;

    private final Map<String, RateLimit> limits;

    public RateLimitCatalog(Collection<RateLimit> limits) {
        this.limits =
                limits.stream()
                        .collect(
                                Collectors.toMap(
                                        RateLimit::name,
                                        Function.identity(),
                                        (a, b) -> {
                                            throw new IllegalArgumentException(
                                                    "rate limit " + a.name() + " is defined twice");
                                        },
                                        TreeMap::new));
    }

    /** The limit, after checking key and tokens; the message names what is wrong. */
    RateLimit check(String limitName, String key, long tokens) {
        RateLimit limit = limits.get(limitName);
        if (limit == null) {
            throw new IllegalArgumentException(
                    "no rate limit named '" + limitName + "'; configured: " + limits.keySet());
        }
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "rate limit key must be 1 to " + MAX_KEY_LENGTH + " characters, not blank");
        }
        if (tokens < 1 || tokens > limit.capacity()) {
            throw new IllegalArgumentException(
                    "rate limit "
                            + limitName
                            + " can grant 1 to "
                            + limit.capacity()
                            + " tokens at once, asked for "
                            + tokens);
        }
        return limit;
    }

    Collection<RateLimit> all() {
        return limits.values();
    }
}
