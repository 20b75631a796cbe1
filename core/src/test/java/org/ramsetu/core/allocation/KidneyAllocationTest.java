package org.ramsetu.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.core.allocation.Allocations.POLICY;
import static org.ramsetu.core.allocation.Allocations.donor;
import static org.ramsetu.core.allocation.Allocations.kidney;
import static org.ramsetu.core.allocation.Allocations.order;
import static org.ramsetu.core.allocation.Allocations.rank;
import static org.ramsetu.core.fixtures.Fixtures.CHENNAI;
import static org.ramsetu.core.fixtures.Fixtures.DELHI;
import static org.ramsetu.core.fixtures.Fixtures.MUMBAI;
import static org.ramsetu.core.fixtures.Fixtures.TYPING;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;

/**
 * Kidney: zero HLA mismatches first, then longevity matching (KDPI ≤ 20 % donor to EPTS ≤ 20 %
 * candidates), then points: waiting time, HLA, sensitisation, distance (and ML). The donor is typed
 * A1 A2 B8 B44 DR3 DR15.
 */
class KidneyAllocationTest {

    /** Lacks the donor's DR15: one mismatch. */
    static final HlaTyping ONE_MISMATCH = HlaTyping.of("A1", "A2", "B8", "B44", "DR3", "DR4");

    /** Lacks the donor's A2, B44, DR15: three mismatches. */
    static final HlaTyping THREE_MISMATCHES = HlaTyping.of("A1", "A3", "B8", "B7", "DR3", "DR4");

    @Test
    void aZeroMismatchCandidateComesFirstWhateverElse() {
        var zero = kidney("R-zero", TYPING, 90, DELHI, 1);
        var longevityAndWaiting = kidney("R-one", ONE_MISMATCH, 5, MUMBAI, 3000, "A3", "B7");

        var result =
                rank(POLICY, donor(Organ.KIDNEY, "A+", 10), List.of(longevityAndWaiting, zero));

        assertThat(order(result)).containsExactly("R-zero", "R-one");
        assertThat(result.ranked().get(0).explanation()).startsWith("#1 R-zero/D1: 0-mismatch, ");
    }

    @Test
    void aLowKdpiKidneyGoesToLowEptsCandidatesBeforeOthersWithMorePoints() {
        var lowEpts = kidney("R-epts10", ONE_MISMATCH, 10, MUMBAI, 10);
        var highEpts = kidney("R-epts60", ONE_MISMATCH, 60, MUMBAI, 3000);

        var result = rank(POLICY, donor(Organ.KIDNEY, "A+", 15), List.of(highEpts, lowEpts));

        assertThat(order(result)).containsExactly("R-epts10", "R-epts60");
        assertThat(result.ranked().get(0).groups().get(1).label())
                .isEqualTo("longevity (KDPI 15 %, EPTS 10 %)");
    }

    @Test
    void aHigherKdpiOrUnknownKdpiKidneyIsAllocatedOnPointsAlone() {
        var lowEpts = kidney("R-epts10", ONE_MISMATCH, 10, MUMBAI, 10);
        var highEpts = kidney("R-epts60", ONE_MISMATCH, 60, MUMBAI, 3000);

        var kdpi60 = rank(POLICY, donor(Organ.KIDNEY, "A+", 60), List.of(lowEpts, highEpts));
        var unknown = rank(POLICY, donor(Organ.KIDNEY, "A+", null), List.of(lowEpts, highEpts));

        assertThat(order(kdpi60)).containsExactly("R-epts60", "R-epts10");
        assertThat(order(unknown)).containsExactly("R-epts60", "R-epts10");
        assertThat(unknown.ranked().get(0).groups().get(1).label())
                .isEqualTo("longevity n/a (KDPI unknown)");
    }

    @Test
    void longerWaitingEarnsMorePoints() {
        var result =
                rank(
                        POLICY,
                        donor(Organ.KIDNEY, "A+", 50),
                        List.of(
                                kidney("R-1y", ONE_MISMATCH, 50, MUMBAI, 365),
                                kidney("R-3y", ONE_MISMATCH, 50, MUMBAI, 1096)));

        assertThat(order(result)).containsExactly("R-3y", "R-1y");
        assertThat(result.ranked().get(0).points().waiting())
                .isCloseTo(100 * 1096 / 365.25, within());
    }

    @Test
    void fewerHlaMismatchesEarnMorePoints() {
        var result =
                rank(
                        POLICY,
                        donor(Organ.KIDNEY, "A+", 50),
                        List.of(
                                kidney("R-3mm", THREE_MISMATCHES, 50, MUMBAI, 365),
                                kidney("R-1mm", ONE_MISMATCH, 50, MUMBAI, 365)));

        assertThat(order(result)).containsExactly("R-1mm", "R-3mm");
        // ETKAS: 400 − 66.67 × 1 = 333.33 → 100 × 333.33/400.
        assertThat(result.ranked().get(0).points().hla()).isCloseTo(83.33, within());
    }

    @Test
    void sensitisedCandidatesEarnMorePoints() {
        var result =
                rank(
                        POLICY,
                        donor(Organ.KIDNEY, "A+", 50),
                        List.of(
                                kidney("R-plain", ONE_MISMATCH, 50, MUMBAI, 365),
                                kidney("R-sensitised", ONE_MISMATCH, 50, MUMBAI, 365, "A3", "B7")));

        assertThat(order(result)).containsExactly("R-sensitised", "R-plain");
        // Two antigens of the ten that earn the full 50 points.
        assertThat(result.ranked().get(0).points().sensitisation()).isCloseTo(10.0, within());
    }

    @Test
    void nearerCandidatesEarnMorePoints() {
        var result =
                rank(
                        POLICY,
                        donor(Organ.KIDNEY, "A+", 50),
                        List.of(
                                kidney("R-chennai", ONE_MISMATCH, 50, CHENNAI, 365),
                                kidney("R-mumbai", ONE_MISMATCH, 50, MUMBAI, 365)));

        assertThat(order(result)).containsExactly("R-mumbai", "R-chennai");
        assertThat(result.ranked().get(0).points().distance())
                .isGreaterThan(result.ranked().get(1).points().distance());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.01);
    }
}
