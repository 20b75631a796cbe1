package org.ramsetu.infra.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A loaded model: its organ (lower case), version, when it was trained, its features in order and
 * its held-out metrics ({@code mae}, {@code r2}, {@code accuracy}, {@code precision}, {@code
 * recall}, {@code f1}, {@code auroc}).
 */
public record ModelSummary(
        String organ,
        String version,
        Instant trainedAt,
        List<String> features,
        long rows,
        Map<String, Double> metrics) {}
