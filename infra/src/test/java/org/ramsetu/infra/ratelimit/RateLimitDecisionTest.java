package org.ramsetu.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(RateLimitDecision.denied(0, Duration.ofMillis(200)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(RateLimitDecision.denied(0, Duration.ofSeconds(20)).retryAfterSeconds())
                .isEqualTo(20);
        assertThat(RateLimitDecision.denied(0, Duration.ofMillis(20_001)).retryAfterSeconds())
                .isEqualTo(21);
    }

    @Test
    void theWaitReadsAsASentence() {
        assertThat(RateLimitDecision.denied(0, Duration.ofMillis(600)).tryAgainIn())
                .isEqualTo("try again in 1 second");
        assertThat(RateLimitDecision.denied(0, Duration.ofSeconds(2)).tryAgainIn())
                .isEqualTo("try again in 2 seconds");
    }
}
