package org.ramsetu.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.testing.SettingsContexts;

class RateLimitConfigurationTest {

    @Test
    void limitsDefinedAsPropertiesAreEnforcedInMemoryWithoutRedis() {
        SettingsContexts.fromEnvironment(Map.of())
                .withUserConfiguration(RateLimitConfiguration.class)
                .withPropertyValues(
                        "ramsetu.rate-limits.limits.login.capacity=2",
                        "ramsetu.rate-limits.limits.login.refill-period=1m")
                .run(
                        context -> {
                            RateLimiter limiter = context.getBean(RateLimiter.class);
                            assertThat(limiter).isInstanceOf(InMemoryRateLimiter.class);
                            assertThat(limiter.tryConsume("login", "ip").allowed()).isTrue();
                            assertThat(limiter.tryConsume("login", "ip").allowed()).isTrue();
                            assertThat(limiter.tryConsume("login", "ip").retryAfterSeconds())
                                    .isEqualTo(30);
                        });
    }

    @Test
    void aBadLimitStopsTheStartNamingIt() {
        SettingsContexts.fromEnvironment(Map.of())
                .withUserConfiguration(RateLimitConfiguration.class)
                .withPropertyValues(
                        "ramsetu.rate-limits.limits.login.capacity=0",
                        "ramsetu.rate-limits.limits.login.refill-period=1m")
                .run(
                        context ->
                                assertThat(context.getStartupFailure())
                                        .rootCause()
                                        .hasMessageContaining(
                                                "rate limit login needs a capacity of at least 1"));
    }
}
