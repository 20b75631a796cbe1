package org.ramsetu.infra.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reads from a streaming replica ({@code ramsetu.database.replica.*}); the replica itself is {@code
 * RAMSETU_DB_READ_URL}.
 *
 * @param maxLag how far behind the primary the replica may be and still serve reads; beyond it they
 *     go to the primary
 * @param checkInterval how often the replica's lag is measured (in the background)
 * @param poolSize connections to the replica at most
 */
@ConfigurationProperties("ramsetu.database.replica")
public record ReplicaProperties(
        @DefaultValue("10s") Duration maxLag,
        @DefaultValue("1s") Duration checkInterval,
        @DefaultValue("5") int poolSize) {

    public ReplicaProperties {
        if (maxLag.isNegative()) {
            throw new IllegalArgumentException(
                    "ramsetu.database.replica.max-lag must not be negative");
        }
        if (checkInterval.isZero() || checkInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "ramsetu.database.replica.check-interval must be positive");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException(
                    "ramsetu.database.replica.pool-size must be at least 1");
        }
    }
}
