package org.ramsetu.infra.scoring;

import java.util.Map;

/**
 * A ranked candidate: its score and each feature's additive contribution to it (SHAP values from
 * the model itself), so that {@code score ≈ baseScore + sum(contributions)}.
 */
public record RankedCandidate(String id, double score, Map<String, Double> contributions) {}
