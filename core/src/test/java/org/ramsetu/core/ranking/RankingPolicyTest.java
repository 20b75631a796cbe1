package org.ramsetu.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ramsetu.core.fixtures.Fixtures.AS_OF;
import static org.ramsetu.core.fixtures.Fixtures.donor;
import static org.ramsetu.core.fixtures.Fixtures.patient;
import static org.ramsetu.core.fixtures.Fixtures.withHla;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.eligibility.ReasonCode;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Sex;

class RankingPolicyTest {
    private final MatchPreparation preparation = new MatchPreparation(EligibilityRules.defaults());
    private final RankingPolicy policy = new RankingPolicy(RankingWeights.DEFAULTS);

    @Test
    void heartStatusOneOutranksABetterScoredStatusThree() {
        DonorOffer heart = donor("D1", Organ.HEART, "O+");
        PatientRequest urgent = heartPatient("P-urgent", HeartStatus.STATUS_1);
        PatientRequest stable = heartPatient("P-stable", HeartStatus.STATUS_3);
        PreparedRun run = preparation.forDonor(heart, List.of(stable, urgent), AS_OF);
        RankingResult r =
                policy.rank(
                        run,
                        MlScores.of(
                                Map.of(
                                        new CandidateId("P-urgent", "D1"),
                                        0.2,
                                        new CandidateId("P-stable", "D1"),
                                        0.99),
                                "rf-1"));
        assertThat(r.ranked())
                .extracting(c -> c.id().patientId())
                .containsExactly("P-urgent", "P-stable");
        assertThat(r.degraded()).isFalse();
        assertThat(r.modelVersion()).isEqualTo("rf-1");
        assertThat(r.ranked().get(0).explanation())
                .startsWith("#1 P-urgent/D1: heart status 1, ABO identical; score ");
    }

    @Test
    void liverRanksByMeldNaThenIdenticalBloodGroupFirst() {
        DonorOffer liver = donor("D1", Organ.LIVER, "O+");
        PatientRequest sickB = liverPatient("P-sick-B", "B+", 5.0);
        PatientRequest sickO = liverPatient("P-sick-O", "O+", 5.0);
        PatientRequest mild = liverPatient("P-mild", "O+", 1.0);
        RankingResult r =
                policy.rank(
                        preparation.forDonor(liver, List.of(mild, sickB, sickO), AS_OF),
                        MlScores.unavailable());
        assertThat(r.ranked())
                .extracting(c -> c.id().patientId())
                .containsExactly("P-sick-O", "P-sick-B", "P-mild");
        assertThat(r.ranked().get(0).tier().label()).startsWith("MELD-Na ");
        assertThat(r.formulaVersions()).contains("MELD-Na/OPTN-2016");
    }

    @Test
    void aZeroMismatchKidneyComesFirstWhateverItsScoreAsInAllocationRuns() {
        PatientRequest patient = patient("P1", Organ.KIDNEY, "A+");
        DonorOffer zeroMismatch = donor("D-zero", Organ.KIDNEY, "A+"); // the fixtures' own typing
        DonorOffer mismatched =
                withHla(
                        donor("D-best-score", Organ.KIDNEY, "A+"),
                        org.ramsetu.core.hla.HlaTyping.of("A1", "A3", "B8", "B7", "DR3", "DR4"));
        RankingResult r =
                policy.rank(
                        preparation.forPatient(patient, List.of(mismatched, zeroMismatch), AS_OF),
                        MlScores.of(
                                Map.of(
                                        new CandidateId("P1", "D-best-score"),
                                        0.99,
                                        new CandidateId("P1", "D-zero"),
                                        0.05),
                                "m-1"));

        assertThat(r.ranked())
                .extracting(c -> c.id().donorId())
                .containsExactly("D-zero", "D-best-score");
        assertThat(r.ranked().get(1).components().combined())
                .isGreaterThan(r.ranked().get(0).components().combined());
        assertThat(r.ranked().get(0).explanation()).contains(", 0-mismatch, ABO identical;");
        assertThat(r.ranked().get(1).explanation()).doesNotContain("0-mismatch");
        assertThat(r.policyVersion()).isEqualTo("ranking/ramsetu-2");
    }

    @Test
    void withoutMlScoresTheRunIsDegradedAndSaysSo() {
        DonorOffer kidney = donor("D1", Organ.KIDNEY, "A+");
        RankingResult r =
                policy.rank(
                        preparation.forDonor(
                                kidney, List.of(patient("P1", Organ.KIDNEY, "A+")), AS_OF),
                        MlScores.unavailable());
        assertThat(r.degraded()).isTrue();
        RankedCandidate only = r.ranked().get(0);
        assertThat(Double.isNaN(only.components().ml())).isTrue();
        assertThat(only.components().wMl()).isZero();
        assertThat(
                        only.components().wHla()
                                + only.components().wWaiting()
                                + only.components().wDistance())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(only.explanation())
                .contains("HLA 400/400")
                .contains("clinical only (ML score unavailable)");
        assertThat(r.formulaVersions()).contains("HLA-points/ETKAS-400");
    }

    @Test
    void oneMissingMlScoreDegradesTheWholeRunRatherThanMixingScales() {
        DonorOffer kidney = donor("D1", Organ.KIDNEY, "A+");
        PreparedRun run =
                preparation.forDonor(
                        kidney,
                        List.of(
                                patient("P1", Organ.KIDNEY, "A+"),
                                patient("P2", Organ.KIDNEY, "A+")),
                        AS_OF);
        RankingResult r =
                policy.rank(run, MlScores.of(Map.of(new CandidateId("P1", "D1"), 0.9), "rf-1"));
        assertThat(r.degraded()).isTrue();
        assertThat(r.modelVersion()).isNull();
    }

    @Test
    void equalScoresFallBackToLongerWaitingThenEarlierRegistrationThenId() {
        DonorOffer kidney = donor("D1", Organ.KIDNEY, "A+");
        PatientRequest base = patient("P-b", Organ.KIDNEY, "A+");
        PatientRequest longerWait =
                copy(base, "P-c", Instant.parse("2020-01-01T00:00:00Z"), base.registeredAt());
        PatientRequest earlierReg =
                copy(base, "P-z", base.listedAt(), Instant.parse("2019-01-01T00:00:00Z"));
        PatientRequest sameAsBase = copy(base, "P-a", base.listedAt(), base.registeredAt());
        RankingResult r =
                policy.rank(
                        preparation.forDonor(
                                kidney, List.of(base, earlierReg, sameAsBase, longerWait), AS_OF),
                        MlScores.unavailable());
        // P-c waited longest (also scores higher on waiting); P-z, P-a, P-b tie on score and
        // waiting.
        assertThat(r.ranked())
                .extracting(c -> c.id().patientId())
                .containsExactly("P-c", "P-z", "P-a", "P-b");
    }

    @Test
    void excludedCandidatesStayVisibleWithReasons() {
        RankingResult r =
                policy.rank(
                        preparation.forPatient(
                                patient("P1", Organ.KIDNEY, "A+"),
                                List.of(
                                        donor("D-ok", Organ.KIDNEY, "A+"),
                                        donor("D-b", Organ.KIDNEY, "B+")),
                                AS_OF),
                        MlScores.unavailable());
        assertThat(r.ranked()).extracting(c -> c.id().donorId()).containsExactly("D-ok");
        assertThat(r.excluded())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.id().donorId()).isEqualTo("D-b");
                            assertThat(e.exclusions().get(0).code())
                                    .isEqualTo(ReasonCode.ABO_INCOMPATIBLE);
                        });
    }

    @Test
    void imputationsAndNearLimitAppearInTheExplanation() {
        DonorOffer kidney =
                donor(
                        "D1",
                        Organ.KIDNEY,
                        "A+",
                        new org.ramsetu.core.donor.KidneyTests(
                                1.0, null, null, org.ramsetu.core.donor.CardiacRisk.GOOD));
        DonorOffer late =
                new DonorOffer(
                        "D1",
                        Organ.KIDNEY,
                        kidney.bloodGroup(),
                        kidney.hla(),
                        kidney.hospital(),
                        kidney.pledgeStatus(),
                        kidney.registeredAt(),
                        30,
                        kidney.body(),
                        kidney.tests());
        RankingResult r =
                policy.rank(
                        preparation.forDonor(
                                late, List.of(patient("P1", Organ.KIDNEY, "A+")), AS_OF),
                        MlScores.of(Map.of(new CandidateId("P1", "D1"), 0.8), "rf-1"));
        assertThat(r.ranked().get(0).explanation())
                .contains("ML 0.80×0.50")
                .contains("near ischaemia limit")
                .endsWith("imputed: imaging_score");
    }

    @Test
    void mlScoresOutsideZeroToOneAreRejected() {
        assertThatThrownBy(() -> MlScores.of(Map.of(new CandidateId("P1", "D1"), 1.2), "rf-1"))
                .isInstanceOf(InvalidClinicalValueException.class)
                .hasMessageContaining("P1/D1");
    }

    private static PatientRequest heartPatient(String id, HeartStatus status) {
        PatientRequest p = patient(id, Organ.HEART, "O+");
        return copy(p, id, status, p.liverLabs(), p.listedAt(), p.registeredAt());
    }

    private static PatientRequest liverPatient(String id, String blood, double bilirubin) {
        PatientRequest p = patient(id, Organ.LIVER, blood);
        LiverLabs labs = new LiverLabs(bilirubin, 1.5, 1.2, 130, 3.0, false, Sex.MALE);
        return copy(p, id, p.heartStatus(), labs, p.listedAt(), p.registeredAt());
    }

    static PatientRequest copy(
            PatientRequest p, String id, Instant listedAt, Instant registeredAt) {
        return copy(p, id, p.heartStatus(), p.liverLabs(), listedAt, registeredAt);
    }

    /**
     * {@code p} under {@code id} with what these tests vary replaced, everything else as it was.
     */
    private static PatientRequest copy(
            PatientRequest p,
            String id,
            HeartStatus heartStatus,
            LiverLabs liverLabs,
            Instant listedAt,
            Instant registeredAt) {
        return new PatientRequest(
                id,
                p.organ(),
                p.bloodGroup(),
                p.hla(),
                p.unacceptableAntigens(),
                p.hospital(),
                p.urgencyLevel(),
                heartStatus,
                liverLabs,
                p.body(),
                listedAt,
                registeredAt);
    }
}
