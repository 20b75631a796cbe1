package org.ramsetu.platform.allocation.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.allocation.AllocationPolicy;
import org.ramsetu.core.allocation.AllocationRanking;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.allocation.simulation.AllocationSimulation;
import org.ramsetu.core.allocation.simulation.SimulationReport;
import org.ramsetu.core.allocation.simulation.SimulationSettings;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.allocation.policies.AllocationPolicies;
import org.ramsetu.platform.allocation.policies.LoadedPolicy;
import org.ramsetu.platform.registry.requests.WaitingList;

/**
 * Compares policy versions on the current waiting list (the CLI's {@code ramsetu simulate} and the
 * coordinators' {@code GET /api/v1/admin/allocation-simulations}): reads the list, then simulates
 * in memory. Nothing is written.
 */
public class SimulatingAllocation {

    private final WaitingList waiting;
    private final AllocationPolicies policies;
    private final AllocationSimulation simulation;
    private final Clock clock;

    public SimulatingAllocation(
            WaitingList waiting, AllocationPolicies policies, EligibilityRules rules, Clock clock) {
        this.waiting = waiting;
        this.policies = policies;
        this.simulation = new AllocationSimulation(new AllocationRanking(rules));
        this.clock = clock;
    }

    /**
     * @param policyIds the versions to compare; empty for every known version
     * @throws InvalidClinicalValueException naming the field: an unknown policy, bad bounds, an
     *     empty waiting list
     */
    public SimulationReport simulate(
            Organ organ, int donors, int days, long seed, List<String> policyIds) {
        SimulationSettings settings = new SimulationSettings(organ, donors, days, seed);
        List<AllocationPolicy> chosen = new ArrayList<>();
        if (policyIds == null || policyIds.isEmpty()) {
            policies.all().forEach(p -> chosen.add(p.policy()));
        } else {
            for (String id : policyIds) {
                chosen.add(
                        policies.find(id)
                                .map(LoadedPolicy::policy)
                                .orElseThrow(
                                        () ->
                                                new InvalidClinicalValueException(
                                                        "policy",
                                                        "unknown allocation policy "
                                                                + id
                                                                + "; known: "
                                                                + known())));
            }
        }
        // The start of today (UTC): the same seed gives the same report all day on the same list.
        Instant start = clock.instant().truncatedTo(ChronoUnit.DAYS);
        List<WaitingRequest> list = waiting.of(organ, start);
        return simulation.run(settings, chosen, list, start);
    }

    private String known() {
        List<String> ids = new ArrayList<>();
        policies.all().forEach(p -> ids.add(p.id()));
        return String.join(", ", ids);
    }
}
