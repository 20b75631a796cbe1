package org.ramsetu.infra.scoring.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the prediction cache ({@code ramsetu.scoring.prediction-cache.*}); whether it is used
 * is the flag {@code scoring.prediction-cache} (docs/feature-flags.md).
 *
 * @param maximumSize scores kept (about 100 bytes each); the least recently used go first
 * @param versionCheckInterval how often the loaded model versions are asked for; zero (the
 *     default): before every scoring call, so a cached score is never served after its model was
 *     replaced or while the model server is down (one small extra call, {@code GET /v1/models},
 *     over HTTP). Longer saves that call, at the price of serving the old model's cached scores up
 *     to this long after a swap, and cached scores while scoring is down
 */
@ConfigurationProperties("ramsetu.scoring.prediction-cache")
public record PredictionCacheProperties(
        @DefaultValue("200000") long maximumSize,
        @DefaultValue("0s") Duration versionCheckInterval) {

    public PredictionCacheProperties {
        if (maximumSize < 1) {
            throw new IllegalArgumentException(
                    "ramsetu.scoring.prediction-cache.maximum-size must be at least 1");
        }
        if (versionCheckInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "ramsetu.scoring.prediction-cache.version-check-interval must not be negative");
        }
    }
}
