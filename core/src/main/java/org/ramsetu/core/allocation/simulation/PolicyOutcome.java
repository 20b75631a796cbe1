package org.ramsetu.core.allocation.simulation;

import java.util.Map;

/**
 * The outcome measures of one policy over the simulated period (docs/allocation.md defines each).
 *
 * @param transplants donor organs placed with the first request of their allocation list
 * @param unplaced donor organs no waiting request was eligible for
 * @param medianWaitingDays median days on the list at transplant; null without transplants
 * @param expectedDeathsByTier the deaths-on-list proxy per urgency tier, most urgent first
 * @param transplantsByTier transplants per urgency tier
 * @param zeroMismatchShare share of kidney transplants with zero HLA-A/B/DR mismatches; null for
 *     other organs or without transplants
 * @param medianDistanceKm median donor-to-recipient hospital distance; null without transplants
 */
public record PolicyOutcome(
        String policyId,
        int transplants,
        int unplaced,
        Double medianWaitingDays,
        double expectedDeathsOnList,
        Map<String, Double> expectedDeathsByTier,
        Map<String, Integer> transplantsByTier,
        Double zeroMismatchShare,
        Double medianDistanceKm) {}
