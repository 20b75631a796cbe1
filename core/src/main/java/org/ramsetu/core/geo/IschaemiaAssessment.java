package org.ramsetu.core.geo;

/**
 * @param totalHours elapsed + transport + surgery
 * @param nearLimit feasible but beyond the target, or within 20 % of the hard limit
 */
public record IschaemiaAssessment(
        double totalHours,
        double targetHours,
        double hardHours,
        boolean feasible,
        boolean nearLimit,
        TransportPlan plan) {}
