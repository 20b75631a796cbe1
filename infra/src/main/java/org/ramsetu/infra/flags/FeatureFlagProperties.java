package org.ramsetu.infra.flags;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the feature flags ({@code ramsetu.flags.*}, or {@code RAMSETU_FLAGS_*}).
 *
 * @param environment this deployment's environment, matched by a rule's {@code environments} (e.g.
 *     {@code production}, {@code staging})
 * @param refreshInterval how often every instance re-reads the flags: the longest a change takes to
 *     reach an instance that missed the change notification
 */
@ConfigurationProperties("ramsetu.flags")
public record FeatureFlagProperties(
        @DefaultValue("production") String environment,
        @DefaultValue("5s") Duration refreshInterval) {

    public FeatureFlagProperties {
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("ramsetu.flags.environment must not be blank");
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("ramsetu.flags.refresh-interval must be positive");
        }
    }
}
