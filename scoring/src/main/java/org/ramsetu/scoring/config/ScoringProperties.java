package org.ramsetu.scoring.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model server's settings ({@code ramsetu.scoring.*}).
 *
 * @param enabled serve scoring in this process (set by the {@code all} and {@code scoring} targets)
 * @param maxCandidates most candidates one rank or score call may carry (more: HTTP 413); bounds
 *     the memory and time one request can take
 * @param trainMissingModels train and register a modest model for an organ that has none at start
 *     (on in {@code all} so it works out of the box; off in {@code scoring}, where replicas should
 *     serve what {@code ramsetu train} registered rather than race to train)
 * @param defaultModelRows synthetic rows for such a default model
 * @param refreshInterval how often the registry is checked for a newer (or newly pinned) version
 * @param pinnedVersions organ → version to serve instead of the newest, e.g. {@code
 *     ramsetu.scoring.pinned-versions.kidney=v20261127T101500123Z}
 * @param warmupRows synthetic rows scored per warm-up round
 * @param warmupRounds warm-up rounds per model
 */
@ConfigurationProperties("ramsetu.scoring")
public record ScoringProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("20000") int maxCandidates,
        @DefaultValue("false") boolean trainMissingModels,
        @DefaultValue("20000") int defaultModelRows,
        @DefaultValue("30s") Duration refreshInterval,
        @DefaultValue Map<String, String> pinnedVersions,
        @DefaultValue("2000") int warmupRows,
        @DefaultValue("3") int warmupRounds) {}
