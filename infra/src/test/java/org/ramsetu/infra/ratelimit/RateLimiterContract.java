package org.ramsetu.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} promises; subclasses give a limiter over the given limits. */
abstract class RateLimiterContract {

    static final RateLimitCatalog LIMITS =
            new RateLimitCatalog(
                    List.of(
                            new RateLimit("login", 3, Duration.ofMinutes(1)),
                            new RateLimit("search", 3, Duration.ofMinutes(1)),
                            new RateLimit("fast", 2, Duration.ofMillis(400))));

    /** Keys unique to this test, so tests never share a bucket on a shared server. */
    private final String run = UUID.randomUUID().toString();

    abstract RateLimiter newLimiter(RateLimitCatalog catalog);

    private RateLimiter limiter;

    RateLimiter limiter() {
        if (limiter == null) {
            limiter = newLimiter(LIMITS);
        }
        return limiter;
    }

    String key(String name) {
        return name + "@" + run;
    }

    @Test
    void aBucketAllowsItsCapacityThenDeniesWithTheWaitForOneToken() {
        String ip = key("10.0.0.1");

        assertThat(limiter().tryConsume("login", ip)).isEqualTo(RateLimitDecision.allowed(2));
        assertThat(limiter().tryConsume("login", ip)).isEqualTo(RateLimitDecision.allowed(1));
        assertThat(limiter().tryConsume("login", ip)).isEqualTo(RateLimitDecision.allowed(0));
        RateLimitDecision denied = limiter().tryConsume("login", ip);

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remainingTokens()).isZero();
        // One token in three comes back every 20 seconds.
        assertThat(denied.retryAfter()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20));
        assertThat(denied.retryAfterSeconds()).isEqualTo(20);
    }

    @Test
    void eachKeyAndEachLimitHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limiter().tryConsume("login", key("alice"));
        }

        assertThat(limiter().tryConsume("login", key("alice")).allowed()).isFalse();
        assertThat(limiter().tryConsume("login", key("bob")).allowed()).isTrue();
        assertThat(limiter().tryConsume("search", key("alice")).allowed()).isTrue();
    }

    @Test
    void tokensComeBackOverTheRefillPeriod() throws InterruptedException {
        String k = key("client");
        limiter().tryConsume("fast", k, 2);
        RateLimitDecision denied = limiter().tryConsume("fast", k);
        assertThat(denied.allowed()).isFalse();

        Thread.sleep(denied.retryAfter().plusMillis(30).toMillis());

        assertThat(limiter().tryConsume("fast", k).allowed()).isTrue();
    }

    @Test
    void severalTokensAreTakenAllOrNothing() {
        String k = key("batch");
        assertThat(limiter().tryConsume("search", k, 2)).isEqualTo(RateLimitDecision.allowed(1));

        RateLimitDecision denied = limiter().tryConsume("search", k, 2);

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remainingTokens()).isEqualTo(1);
        assertThat(limiter().tryConsume("search", k)).isEqualTo(RateLimitDecision.allowed(0));
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        assertThatThrownBy(() -> limiter().tryConsume("logn", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no rate limit named 'logn'; configured: [fast, login, search]");
        assertThatThrownBy(() -> limiter().tryConsume("login", " "))
                .hasMessageContaining("key must be 1 to 256 characters");
        assertThatThrownBy(() -> limiter().tryConsume("login", "k", 4))
                .hasMessage("rate limit login can grant 1 to 3 tokens at once, asked for 4");
    }
}
