package org.ramsetu.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    RateLimiter newLimiter(RateLimitCatalog catalog) {
        return new InMemoryRateLimiter(catalog, 10_000);
    }

    @Test
    void limitsAreCheckedWhenDefined() {
        assertThatThrownBy(() -> new RateLimit("Login", 1, Duration.ofSeconds(1)))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new RateLimit("login", 0, Duration.ofSeconds(1)))
                .hasMessageContaining("capacity of at least 1");
        assertThatThrownBy(() -> new RateLimit("login", 1, Duration.ZERO))
                .hasMessageContaining("at least 1ms");
        assertThatThrownBy(
                        () ->
                                new RateLimitCatalog(
                                        List.of(
                                                new RateLimit("a", 1, Duration.ofSeconds(1)),
                                                new RateLimit("a", 2, Duration.ofSeconds(1)))))
                .hasMessage("rate limit a is defined twice");
    }
}
