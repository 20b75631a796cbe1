package org.ramsetu.core.features;

/** A feature filled with a documented stand-in because its input was not reported. */
public record Imputation(String feature, double value, String reason) {}
