package org.ramsetu.scoring.service;

import java.util.List;

/**
 * Validated candidates laid out for the model: their ids and a row-major matrix of their features
 * in {@link #features()} order. Built by {@link CandidateBatchBuilder}, from the port's records or
 * straight from a JSON stream.
 */
public record CandidateBatch(List<String> features, String[] ids, float[] x, int rows) {}
