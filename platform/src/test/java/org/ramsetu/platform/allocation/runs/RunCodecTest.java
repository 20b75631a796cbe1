package org.ramsetu.platform.allocation.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.allocation.AllocationDonor;
import org.ramsetu.core.allocation.AllocationRanking;
import org.ramsetu.core.allocation.AllocationResult;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.ranking.MlScores;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.allocation.policies.AllocationPolicies;

/** What is stored reads back as what was ranked: every field, every reason, the same lines. */
class RunCodecTest {

    static final Instant AS_OF = Instant.parse("2026-11-27T00:00:00Z");
    static final String PLEDGE = "7d1b7a8e-4a7e-4c53-9d52-2f0b1c0a9f11";

    @Test
    void rankedAndExcludedListsRoundTrip() {
        AllocationResult result = kidneyRun(400);
        assertThat(result.ranked()).isNotEmpty();
        assertThat(result.excluded()).isNotEmpty();

        byte[] ranked = RunCodec.candidates(result.ranked());
        byte[] excluded = RunCodec.exclusions(result.excluded());

        List<CandidateView> expected = new ArrayList<>();
        result.ranked().forEach(c -> expected.add(RunCodec.view(c)));
        assertThat(RunCodec.candidates(ranked, 10_000, PLEDGE, true)).isEqualTo(expected);
        assertThat(RunCodec.candidates(ranked, 3, PLEDGE, true)).isEqualTo(expected.subList(0, 3));
        List<ExclusionView> read = RunCodec.exclusions(excluded, 10_000);
        assertThat(read).hasSize(result.excluded().size());
        for (int i = 0; i < read.size(); i++) {
            var original = result.excluded().get(i);
            assertThat(read.get(i).requestId().toString()).isEqualTo(original.id().patientId());
            assertThat(read.get(i).reasons())
                    .extracting(ExclusionView.Reason::code, ExclusionView.Reason::detail)
                    .containsExactlyElementsOf(
                            original.exclusions().stream()
                                    .map(
                                            x ->
                                                    org.assertj.core.groups.Tuple.tuple(
                                                            x.code().name(), x.detail()))
                                    .toList());
        }
    }

    static AllocationResult kidneyRun(int n) {
        Random r = new Random(1);
        String[] groups = {"O+", "A+", "B+", "AB+"};
        String[] a = {"A1", "A2", "A3", "A11"};
        String[] b = {"B7", "B8", "B35", "B44"};
        String[] dr = {"DR3", "DR4", "DR7", "DR15"};
        List<WaitingRequest> waiting = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant listed = AS_OF.minus(Duration.ofDays(r.nextInt(2000)));
            waiting.add(
                    new WaitingRequest(
                            new PatientRequest(
                                    new java.util.UUID(r.nextLong(), r.nextLong()).toString(),
                                    Organ.KIDNEY,
                                    BloodGroup.parse(groups[r.nextInt(4)]),
                                    HlaTyping.of(
                                            a[r.nextInt(4)],
                                            a[r.nextInt(4)],
                                            b[r.nextInt(4)],
                                            b[r.nextInt(4)],
                                            dr[r.nextInt(4)],
                                            dr[r.nextInt(4)]),
                                    r.nextInt(4) == 0
                                            ? UnacceptableAntigens.of(b[r.nextInt(4)])
                                            : UnacceptableAntigens.NONE,
                                    new Coordinates(
                                            8 + 28 * r.nextDouble(), 70 + 20 * r.nextDouble()),
                                    1 + r.nextInt(5),
                                    null,
                                    null,
                                    new BodySize(40, Sex.FEMALE, 160, 60),
                                    listed,
                                    listed),
                            r.nextInt(3) == 0 ? null : r.nextInt(101)));
        }
        DonorOffer offer =
                new DonorOffer(
                        PLEDGE,
                        Organ.KIDNEY,
                        BloodGroup.parse("A+"),
                        HlaTyping.of("A1", "A2", "B8", "B44", "DR3", "DR15"),
                        new Coordinates(18.52, 73.86),
                        PledgeStatus.VERIFIED,
                        AS_OF,
                        0,
                        new BodySize(40, Sex.MALE, 175, 75),
                        new KidneyTests(1.0, null, null, null));
        AllocationRanking ranking = new AllocationRanking(EligibilityRules.defaults());
        return ranking.rank(
                ranking.prepare(
                        AllocationPolicies.load("allocation/ramsetu-2026-1").active().policy(),
                        new AllocationDonor(offer, 12),
                        waiting,
                        AS_OF),
                MlScores.unavailable());
    }
}
