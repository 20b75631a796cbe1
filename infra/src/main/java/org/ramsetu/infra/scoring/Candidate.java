package org.ramsetu.infra.scoring;

import java.util.Map;
import java.util.Objects;

/**
 * One donor–patient pair to score: the caller's id (echoed back) and the organ's features by name
 * (see {@code org.ramsetu.core.features.FeatureSchema}).
 */
public record Candidate(String id, Map<String, Double> features) {
    public Candidate {
        Objects.requireNonNull(features, "features");
        features = Map.copyOf(features);
    }
}
