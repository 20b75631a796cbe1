package org.ramsetu.core.allocation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.allocation.AllocationPolicy;
import org.ramsetu.core.allocation.AllocationRanking;
import org.ramsetu.core.allocation.GroupKey;
import org.ramsetu.core.allocation.Longevity;
import org.ramsetu.core.allocation.OrganRules;
import org.ramsetu.core.allocation.PointWeights;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Sex;

/** Replaying donor arrivals: reproducible, policies compared on the same donors, measures right. */
class AllocationSimulationTest {

    static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    static final AllocationSimulation SIMULATION =
            new AllocationSimulation(new AllocationRanking(EligibilityRules.defaults()));
    static final String[] A = {"A1", "A2", "A3", "A11", "A24"};
    static final String[] B = {"B7", "B8", "B35", "B44", "B51"};
    static final String[] DR = {"DR3", "DR4", "DR7", "DR11", "DR15"};
    static final String[] ABO = {"O+", "O+", "B+", "B+", "A+", "AB+"};

    /** Kidney rules weighing only waiting time, or only distance. */
    static AllocationPolicy kidneyPolicy(String id, double waiting, double distance) {
        PointWeights none = new PointWeights(10, 0, 0, 10, 0, 1500, 0);
        return new AllocationPolicy(
                id,
                id,
                Map.of(
                        Organ.KIDNEY,
                        new OrganRules(
                                Organ.KIDNEY,
                                List.of(GroupKey.ZERO_MISMATCH, GroupKey.LONGEVITY),
                                List.of(),
                                null,
                                new Longevity(20, 20),
                                new PointWeights(waiting, 0, 0, 10, distance, 1500, 0)),
                        Organ.LIVER,
                        new OrganRules(Organ.LIVER, List.of(), List.of(), null, null, none),
                        Organ.HEART,
                        new OrganRules(Organ.HEART, List.of(), List.of(), null, null, none),
                        Organ.CORNEA,
                        new OrganRules(Organ.CORNEA, List.of(), List.of(), null, null, none)));
    }

    static List<WaitingRequest> kidneyList(int n, long seed) {
        Random r = new Random(seed);
        List<WaitingRequest> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant listed = START.minus(Duration.ofDays(r.nextInt(3000)));
            list.add(
                    new WaitingRequest(
                            new PatientRequest(
                                    String.format("R-%04d", i),
                                    Organ.KIDNEY,
                                    BloodGroup.parse(ABO[r.nextInt(ABO.length)]),
                                    HlaTyping.of(
                                            A[r.nextInt(5)],
                                            A[r.nextInt(5)],
                                            B[r.nextInt(5)],
                                            B[r.nextInt(5)],
                                            DR[r.nextInt(5)],
                                            DR[r.nextInt(5)]),
                                    UnacceptableAntigens.NONE,
                                    new Coordinates(
                                            8 + 28 * r.nextDouble(), 70 + 20 * r.nextDouble()),
                                    1 + r.nextInt(5),
                                    null,
                                    null,
                                    new BodySize(45, Sex.MALE, 170, 70),
                                    listed,
                                    listed),
                            r.nextInt(101)));
        }
        return list;
    }

    @Test
    void theSameSeedListAndPoliciesGiveTheSameReportInWhateverOrderTheListComes() {
        var settings = new SimulationSettings(Organ.KIDNEY, 40, 60, 7);
        var policies = List.of(kidneyPolicy("allocation/waiting-1", 100, 0));
        List<WaitingRequest> list = kidneyList(150, 3);
        List<WaitingRequest> shuffled = new ArrayList<>(list);
        Collections.shuffle(shuffled, new Random(9));

        var first = SIMULATION.run(settings, policies, list, START);
        var again = SIMULATION.run(settings, policies, shuffled, START);

        assertThat(again).isEqualTo(first);
        var outcome = first.policies().get(0);
        assertThat(outcome.transplants() + outcome.unplaced()).isEqualTo(40);
        assertThat(outcome.transplants()).isPositive();
        assertThat(first.waitingAtStart()).isEqualTo(150);
    }

    @Test
    void policiesAreComparedOnTheSameDonorsAndTheirMeasuresMoveTheWayTheirWeightsPull() {
        var settings = new SimulationSettings(Organ.KIDNEY, 60, 90, 11);
        var waitingFirst = kidneyPolicy("allocation/waiting-1", 100, 0);
        var nearestFirst = kidneyPolicy("allocation/nearest-1", 0, 100);

        var report =
                SIMULATION.run(
                        settings, List.of(waitingFirst, nearestFirst), kidneyList(300, 5), START);

        PolicyOutcome byWaiting = report.policies().get(0);
        PolicyOutcome byDistance = report.policies().get(1);
        assertThat(byWaiting.policyId()).isEqualTo("allocation/waiting-1");
        assertThat(byWaiting.medianWaitingDays()).isGreaterThan(byDistance.medianWaitingDays());
        assertThat(byDistance.medianDistanceKm()).isLessThan(byWaiting.medianDistanceKm());
        assertThat(byWaiting.zeroMismatchShare()).isBetween(0.0, 1.0);
        assertThat(byWaiting.expectedDeathsOnList()).isPositive();
        assertThat(byWaiting.expectedDeathsByTier().keySet())
                .startsWith("urgency 5")
                .as("most urgent tier first");
    }

    @Test
    void theDeathProxyIsTheTiersDailyHazardTimesDaysOnTheList() {
        // MELD-Na ≥ 40 (Wiesner 2003: 71.3 % in 90 days): hazard −ln(0.287)/90 per day.
        WaitingRequest sick =
                new WaitingRequest(
                        new PatientRequest(
                                "R-liver",
                                Organ.LIVER,
                                BloodGroup.parse("O+"),
                                null,
                                UnacceptableAntigens.NONE,
                                new Coordinates(19.07, 72.87),
                                5,
                                null,
                                new LiverLabs(30, 4, 4, 125, 2.0, true, Sex.MALE),
                                new BodySize(45, Sex.MALE, 170, 70),
                                START,
                                START),
                        null);
        DeathHazards.Tier tier = DeathHazards.of(sick);

        assertThat(tier.label()).isEqualTo("MELD-Na ≥40");
        assertThat(tier.dailyHazard()).isCloseTo(-Math.log(1 - 0.713) / 90, within(1e-12));
    }

    @Test
    void anEmptyWaitingListIsNamedNotSimulated() {
        assertThatThrownBy(
                        () ->
                                SIMULATION.run(
                                        new SimulationSettings(Organ.HEART, 10, 10, 1),
                                        List.of(kidneyPolicy("allocation/x-1", 1, 1)),
                                        List.of(),
                                        START))
                .hasMessageContaining("no WAITING HEART transplant requests")
                .hasMessageContaining("ramsetu demo");
    }
}
