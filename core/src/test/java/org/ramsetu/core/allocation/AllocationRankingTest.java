package org.ramsetu.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.core.allocation.Allocations.AS_OF;
import static org.ramsetu.core.allocation.Allocations.POLICY;
import static org.ramsetu.core.allocation.Allocations.RANKING;
import static org.ramsetu.core.allocation.Allocations.donor;
import static org.ramsetu.core.allocation.Allocations.heart;
import static org.ramsetu.core.allocation.Allocations.kidney;
import static org.ramsetu.core.allocation.Allocations.order;
import static org.ramsetu.core.fixtures.Fixtures.CHENNAI;
import static org.ramsetu.core.fixtures.Fixtures.DELHI;
import static org.ramsetu.core.fixtures.Fixtures.MUMBAI;
import static org.ramsetu.core.fixtures.Fixtures.TYPING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.eligibility.ReasonCode;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.ExcludedCandidate;
import org.ramsetu.core.ranking.MlScores;

/** What every organ shares: exclusions with reasons, ML points, degraded runs, determinism. */
class AllocationRankingTest {

    static final HlaTyping OTHER = HlaTyping.of("A3", "A11", "B7", "B35", "DR4", "DR7");

    @Test
    void everyHardFilterExcludesWithItsReason() {
        var aboBlocked =
                new WaitingRequest(
                        Allocations.request(
                                "R-O-recipient",
                                Organ.KIDNEY,
                                "O+",
                                MUMBAI,
                                10,
                                null,
                                null,
                                OTHER,
                                org.ramsetu.core.hla.UnacceptableAntigens.NONE),
                        30);
        var antigen = kidney("R-antigen", OTHER, 30, MUMBAI, 10, "B44");
        var ok = kidney("R-ok", OTHER, 30, MUMBAI, 10);
        var result =
                Allocations.rank(
                        POLICY, donor(Organ.KIDNEY, "A+", 40), List.of(aboBlocked, antigen, ok));

        assertThat(order(result)).containsExactly("R-ok");
        assertThat(reasons(result.excluded(), "R-O-recipient"))
                .containsExactly(ReasonCode.ABO_INCOMPATIBLE);
        assertThat(reasons(result.excluded(), "R-antigen"))
                .containsExactly(ReasonCode.UNACCEPTABLE_ANTIGEN);
    }

    @Test
    void heartsTooFarAwayAreExcludedForIschaemia() {
        var london = heart("R-london", HeartStatus.STATUS_1, new Coordinates(51.5, -0.12), 1);
        var result = Allocations.rank(POLICY, donor(Organ.HEART, "O+", null), List.of(london));

        assertThat(result.ranked()).isEmpty();
        assertThat(reasons(result.excluded(), "R-london")).contains(ReasonCode.ISCHEMIA_EXCEEDED);
    }

    @Test
    void theMlScoreAddsPointsInsideTheLastGroupAndIsShown() {
        var a = kidney("R-a", OTHER, 50, MUMBAI, 365);
        var b = kidney("R-b", OTHER, 50, MUMBAI, 365);
        PreparedAllocation prepared =
                RANKING.prepare(POLICY, donor(Organ.KIDNEY, "A+", 50), List.of(a, b), AS_OF);
        MlScores scores =
                MlScores.of(
                        Map.of(
                                new CandidateId("R-a", "D1"),
                                0.2,
                                new CandidateId("R-b", "D1"),
                                0.9),
                        "m-1");

        var result = RANKING.rank(prepared, scores);

        assertThat(order(result)).containsExactly("R-b", "R-a");
        assertThat(result.degraded()).isFalse();
        assertThat(result.modelVersion()).isEqualTo("m-1");
        assertThat(result.ranked().get(0).points().ml()).isEqualTo(45.0);
        assertThat(result.ranked().get(0).explanation()).contains("ML 0.90 45.0");
    }

    @Test
    void withoutMlScoresTheListIsRankedOnTheClinicalPolicyAloneAndSaysSo() {
        var a = kidney("R-a", OTHER, 50, MUMBAI, 400);
        var b = kidney("R-b", OTHER, 50, MUMBAI, 365);
        PreparedAllocation prepared =
                RANKING.prepare(POLICY, donor(Organ.KIDNEY, "A+", 50), List.of(b, a), AS_OF);

        var result = RANKING.rank(prepared, MlScores.unavailable());

        assertThat(result.degraded()).isTrue();
        assertThat(result.modelVersion()).isNull();
        assertThat(order(result)).containsExactly("R-a", "R-b");
        assertThat(result.ranked().get(0).points().ml()).isZero();
        assertThat(result.ranked().get(0).explanation())
                .endsWith("clinical only (ML score unavailable)");
    }

    @Test
    void theSameInputsInAnyOrderGiveTheSameList() {
        Random rnd = new Random(11);
        List<Coordinates> places = List.of(MUMBAI, CHENNAI, DELHI);
        List<HlaTyping> typings = List.of(TYPING, OTHER, KidneyAllocationTest.ONE_MISMATCH);
        List<WaitingRequest> waiting = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            waiting.add(
                    kidney(
                            String.format("R-%03d", i),
                            typings.get(rnd.nextInt(3)),
                            rnd.nextInt(4) == 0 ? null : rnd.nextInt(101),
                            places.get(rnd.nextInt(3)),
                            rnd.nextInt(5) * 100)); // many ties on points
        }
        AllocationDonor kidney = donor(Organ.KIDNEY, "A+", 12);
        List<String> first = order(Allocations.rank(POLICY, kidney, waiting));

        List<WaitingRequest> shuffled = new ArrayList<>(waiting);
        Collections.shuffle(shuffled, new Random(5));
        List<String> again = order(Allocations.rank(POLICY, kidney, shuffled));

        assertThat(again).isEqualTo(first);
        assertThat(first).hasSize(300);
    }

    private static List<ReasonCode> reasons(List<ExcludedCandidate> excluded, String request) {
        Map<String, List<ReasonCode>> byRequest = new HashMap<>();
        for (ExcludedCandidate e : excluded) {
            byRequest.put(e.id().patientId(), e.exclusions().stream().map(x -> x.code()).toList());
        }
        return byRequest.get(request);
    }
}
