package org.ramsetu.infra.scoring.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The scoring client's state for operators. Never DOWN: a target whose scoring is unreachable keeps
 * serving (match runs degrade to the clinical policy), so this indicator must not take readiness
 * with it. An open breaker reports UNKNOWN, which ranks below UP when statuses are aggregated.
 */
public class ScoringClientHealthIndicator implements HealthIndicator {

    private final ResilientScoringClient client;
    private final boolean configured;

    public ScoringClientHealthIndicator(ResilientScoringClient client, boolean configured) {
        this.client = client;
        this.configured = configured;
    }

    @Override
    public Health health() {
        CircuitBreaker breaker = client.circuitBreaker();
        CircuitBreaker.State state = breaker.getState();
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        boolean callsFlow =
                state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.HALF_OPEN;
        Health.Builder health =
                configured && callsFlow ? Health.up() : Health.status(Status.UNKNOWN);
        return health.withDetail("configured", configured)
                .withDetail("circuitBreaker", state.name())
                .withDetail("failureRate", metrics.getFailureRate())
                .withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
                .withDetail("failedCalls", metrics.getNumberOfFailedCalls())
                .withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
                .withDetail(
                        "bulkheadAvailable",
                        client.bulkhead().getMetrics().getAvailableConcurrentCalls())
                .withDetail(
                        "whenUnavailable",
                        "match runs are ranked on the clinical policy alone, marked degraded and"
                                + " re-scored later")
                .build();
    }
}
