package org.ramsetu.scoring.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is known about one registered model, stored as JSON next to its artifact. The artifact's
 * SHA-256 ties the two together: a loader refuses an artifact that does not match its card.
 *
 * @param version sortable by time ({@code v20261127T101500123Z}); the newest is the greatest
 * @param organ lower-case organ name
 * @param features feature names in the order the model reads them
 * @param rows pairs used (train + held-out)
 * @param metrics held-out metrics, see {@code HeldOutMetrics}
 * @param libraries versions of the training library, the JVM and RamSetu
 * @param origin how it came to be: {@code ramsetu train} or {@code first-start default}
 * @param dataSource {@code synthetic} or the training file's name
 */
public record ModelCard(
        String version,
        Instant trainedAt,
        String organ,
        List<String> features,
        long rows,
        long seed,
        Map<String, Double> metrics,
        Map<String, Object> parameters,
        Map<String, String> libraries,
        String artifactFormat,
        String artifactSha256,
        long artifactBytes,
        double trainingSeconds,
        String origin,
        String dataSource) {}
