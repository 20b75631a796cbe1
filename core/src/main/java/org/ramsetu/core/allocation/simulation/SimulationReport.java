package org.ramsetu.core.allocation.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulation's settings and, per policy version, its outcome measures.
 *
 * @param waitingAtStart waiting requests for the organ when the simulation started
 * @param waitingByTier the same, per urgency tier
 * @param deathProxy the version of the deaths-on-list proxy ({@link DeathHazards})
 */
public record SimulationReport(
        String organ,
        int donors,
        int days,
        long seed,
        Instant start,
        int waitingAtStart,
        Map<String, Integer> waitingByTier,
        String deathProxy,
        List<PolicyOutcome> policies) {}
