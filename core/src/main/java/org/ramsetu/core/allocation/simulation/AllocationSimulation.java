package org.ramsetu.core.allocation.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.Require;
import org.ramsetu.core.allocation.AllocatedCandidate;
import org.ramsetu.core.allocation.AllocationPolicy;
import org.ramsetu.core.allocation.AllocationRanking;
import org.ramsetu.core.allocation.AllocationResult;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.ranking.MlScores;

/**
 * Replays synthetic donor arrivals against a waiting list under each policy version, in memory:
 * every donor organ goes to the first request of its allocation list (ranked on the clinical policy
 * alone, as a degraded run: a simulation compares policies, not models), which then leaves the
 * list. The same donors arrive for every policy, so differences come from the policies alone; the
 * same seed, list and policies give the same report.
 */
public final class AllocationSimulation {

    private final AllocationRanking ranking;

    public AllocationSimulation(AllocationRanking ranking) {
        this.ranking = Require.present("ranking", ranking);
    }

    /**
     * @param waiting the waiting list for {@code settings.organ()} at {@code start}
     * @throws InvalidClinicalValueException when the list is empty or holds another organ
     */
    public SimulationReport run(
            SimulationSettings settings,
            List<AllocationPolicy> policies,
            List<WaitingRequest> waiting,
            Instant start) {
        if (policies.isEmpty()) {
            throw new InvalidClinicalValueException("policy", "name at least one policy");
        }
        if (waiting.isEmpty()) {
            throw new InvalidClinicalValueException(
                    "organ",
                    "no WAITING "
                            + settings.organ()
                            + " transplant requests to simulate against (load the demo waiting"
                            + " list with `ramsetu demo`)");
        }
        for (WaitingRequest w : waiting) {
            if (w.request().organ() != settings.organ()) {
                throw new InvalidClinicalValueException(
                        "organ", "the waiting list holds a " + w.request().organ() + " request");
            }
        }
        // One order, whatever order the database returned the list in.
        List<WaitingRequest> list = new ArrayList<>(waiting);
        list.sort((a, b) -> a.request().patientId().compareTo(b.request().patientId()));
        List<SyntheticDonors.Arrival> arrivals = SyntheticDonors.generate(settings, list, start);
        Map<String, Integer> byTier = new TreeMap<>();
        Map<String, Integer> tierOrder = new HashMap<>();
        for (WaitingRequest w : list) {
            DeathHazards.Tier t = DeathHazards.of(w);
            byTier.merge(t.label(), 1, Integer::sum);
            tierOrder.put(t.label(), t.order());
        }
        List<PolicyOutcome> outcomes = new ArrayList<>();
        for (AllocationPolicy policy : policies) {
            outcomes.add(replay(settings, policy, list, arrivals, start, tierOrder));
        }
        return new SimulationReport(
                settings.organ().name(),
                settings.donors(),
                settings.days(),
                settings.seed(),
                start,
                list.size(),
                ordered(byTier, tierOrder),
                DeathHazards.VERSION,
                outcomes);
    }

    private PolicyOutcome replay(
            SimulationSettings settings,
            AllocationPolicy policy,
            List<WaitingRequest> initial,
            List<SyntheticDonors.Arrival> arrivals,
            Instant start,
            Map<String, Integer> tierOrder) {
        Map<String, WaitingRequest> remaining = new LinkedHashMap<>();
        Map<String, Double> hazardByTier = new HashMap<>();
        for (WaitingRequest w : initial) {
            remaining.put(w.request().patientId(), w);
            DeathHazards.Tier t = DeathHazards.of(w);
            hazardByTier.merge(t.label(), t.dailyHazard(), Double::sum);
        }
        Map<String, Double> deaths = new HashMap<>();
        Map<String, Integer> transplantsByTier = new TreeMap<>();
        List<Double> waited = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        int zeroMismatch = 0;
        int unplaced = 0;
        Instant clock = start;
        for (SyntheticDonors.Arrival arrival : arrivals) {
            accrue(hazardByTier, deaths, days(clock, arrival.at()));
            clock = arrival.at();
            if (remaining.isEmpty()) {
                unplaced++;
                continue;
            }
            AllocationResult result =
                    ranking.rank(
                            ranking.prepare(
                                    policy,
                                    arrival.donor(),
                                    new ArrayList<>(remaining.values()),
                                    arrival.at()),
                            MlScores.unavailable());
            if (result.ranked().isEmpty()) {
                unplaced++;
                continue;
            }
            AllocatedCandidate first = result.ranked().get(0);
            WaitingRequest recipient = remaining.remove(first.id().patientId());
            DeathHazards.Tier t = DeathHazards.of(recipient);
            hazardByTier.merge(t.label(), -t.dailyHazard(), Double::sum);
            transplantsByTier.merge(t.label(), 1, Integer::sum);
            waited.add(days(recipient.request().listedAt(), arrival.at()));
            distances.add(first.points().distanceKm());
            if (first.hlaMismatch() != null && first.hlaMismatch().isZero()) {
                zeroMismatch++;
            }
        }
        accrue(hazardByTier, deaths, days(clock, start.plusSeconds(settings.days() * 86_400L)));
        double total = 0;
        Map<String, Double> rounded = new TreeMap<>();
        for (Map.Entry<String, Double> e : deaths.entrySet()) {
            total += e.getValue();
            rounded.put(e.getKey(), round(e.getValue()));
        }
        int transplants = waited.size();
        return new PolicyOutcome(
                policy.id(),
                transplants,
                unplaced,
                median(waited),
                round(total),
                ordered(rounded, tierOrder),
                ordered(transplantsByTier, tierOrder),
                settings.organ() == Organ.KIDNEY && transplants > 0
                        ? round((double) zeroMismatch / transplants)
                        : null,
                median(distances));
    }

    private static void accrue(Map<String, Double> hazards, Map<String, Double> deaths, double d) {
        for (Map.Entry<String, Double> e : hazards.entrySet()) {
            deaths.merge(e.getKey(), Math.max(0, e.getValue()) * d, Double::sum);
        }
    }

    private static double days(Instant from, Instant to) {
        return Math.max(0, to.getEpochSecond() - from.getEpochSecond()) / 86_400.0;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return round(n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Tiers most urgent first (tier order, then label). */
    private static <V> Map<String, V> ordered(Map<String, V> byTier, Map<String, Integer> order) {
        List<String> keys = new ArrayList<>(byTier.keySet());
        keys.sort(
                (a, b) -> {
                    int c =
                            Integer.compare(
                                    order.getOrDefault(a, Integer.MAX_VALUE),
                                    order.getOrDefault(b, Integer.MAX_VALUE));
                    return c != 0 ? c : a.compareTo(b);
                });
        Map<String, V> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, byTier.get(k)));
        return out;
    }
}
