package org.ramsetu.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.core.fixtures.Fixtures.DELHI;
import static org.ramsetu.core.fixtures.Fixtures.TYPING;
import static org.ramsetu.core.fixtures.Fixtures.at;
import static org.ramsetu.core.fixtures.Fixtures.donor;
import static org.ramsetu.core.fixtures.Fixtures.patient;
import static org.ramsetu.core.fixtures.Fixtures.withBody;
import static org.ramsetu.core.fixtures.Fixtures.withHla;
import static org.ramsetu.core.fixtures.Fixtures.withPledge;
import static org.ramsetu.core.fixtures.Fixtures.withUnacceptable;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.InfectionStatus;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.core.geo.StorageMedium;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.Sex;

class EligibilityRulesTest {
    private final EligibilityRules rules = EligibilityRules.defaults();

    @Test
    void verifiedCompatibleNearbyKidneyIsEligibleWithItsFacts() {
        EligibilityResult r =
                rules.assess(donor("D1", Organ.KIDNEY, "A+"), patient("P1", Organ.KIDNEY, "A-"));
        assertThat(r.eligible()).isTrue();
        assertThat(r.abo()).isEqualTo(AboMatch.IDENTICAL);
        assertThat(r.hlaMismatch().total()).isZero();
        assertThat(r.distanceKm()).isBetween(110.0, 130.0); // Pune–Mumbai
    }

    @Test
    void oKidneyToAPatientIsExcludedUnlessZeroMismatch() {
        DonorOffer oDonor = donor("D1", Organ.KIDNEY, "O+");
        // Fixtures share one typing, so this pair is a zero mismatch: the exception applies.
        assertThat(rules.assess(oDonor, patient("P1", Organ.KIDNEY, "A+")).eligible()).isTrue();
        DonorOffer mismatched =
                new DonorOffer(
                        "D2",
                        Organ.KIDNEY,
                        oDonor.bloodGroup(),
                        org.ramsetu.core.hla.HlaTyping.of("A3", "B7", "DR4"),
                        oDonor.hospital(),
                        PledgeStatus.VERIFIED,
                        oDonor.registeredAt(),
                        0,
                        oDonor.body(),
                        oDonor.tests());
        EligibilityResult r = rules.assess(mismatched, patient("P1", Organ.KIDNEY, "A+"));
        assertThat(r.exclusions())
                .extracting(Exclusion::code)
                .containsExactly(ReasonCode.ABO_INCOMPATIBLE);
    }

    @Test
    void theAboScreenGivesTheFullAssessmentsAboAnswerForEveryPair() {
        HlaTyping other = HlaTyping.of("A3", "B7", "DR4");
        java.util.List<HlaTyping> typings = java.util.Arrays.asList(null, TYPING, other);
        int allowedOnlyWithZeroMismatch = 0;
        for (Organ organ : Organ.values()) {
            for (String donorGroup : GROUPS) {
                for (String patientGroup : GROUPS) {
                    for (HlaTyping donorHla : typings) {
                        for (HlaTyping patientHla : typings) {
                            DonorOffer d = withHla(donor("D1", organ, donorGroup), donorHla);
                            PatientRequest p =
                                    withHla(patient("P1", organ, patientGroup), patientHla);
                            boolean full = rules.assess(d, p).abo().eligible();
                            assertThat(
                                            EligibilityRules.aboAllows(
                                                    organ, d.bloodGroup(), donorHla, p))
                                    .as(
                                            "%s %s → %s, typings %s / %s",
                                            organ, donorGroup, patientGroup, donorHla, patientHla)
                                    .isEqualTo(full);
                            if (full
                                    && donorHla == TYPING
                                    && patientHla == TYPING
                                    && !EligibilityRules.aboAllows(
                                            organ, d.bloodGroup(), other, p)) {
                                allowedOnlyWithZeroMismatch++;
                            }
                        }
                    }
                }
            }
        }
        // O→A, O→B, O→AB and B→AB kidneys, each Rh combination: the exception is exercised
        assertThat(allowedOnlyWithZeroMismatch).isEqualTo(4 * 4);
    }

    private static final java.util.List<String> GROUPS =
            java.util.List.of("O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-");

    @Test
    void unacceptableAntigenExcludesWithTheAntigenNamed() {
        EligibilityResult r =
                rules.assess(
                        donor("D1", Organ.KIDNEY, "A+"),
                        withUnacceptable(patient("P1", Organ.KIDNEY, "A+"), "B44"));
        assertThat(r.exclusions())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.code()).isEqualTo(ReasonCode.UNACCEPTABLE_ANTIGEN);
                            assertThat(e.detail()).contains("B44");
                        });
    }

    @Test
    void aCandidateCarriesEveryReasonAtOnce() {
        DonorOffer heart = withPledge(donor("D1", Organ.HEART, "AB+"), PledgeStatus.WITHDRAWN);
        heart =
                new DonorOffer(
                        heart.donorId(),
                        heart.organ(),
                        heart.bloodGroup(),
                        heart.hla(),
                        heart.hospital(),
                        heart.pledgeStatus(),
                        heart.registeredAt(),
                        3.0,
                        heart.body(),
                        heart.tests());
        EligibilityResult r = rules.assess(heart, at(patient("P1", Organ.HEART, "O+"), DELHI));
        assertThat(r.exclusions())
                .extracting(Exclusion::code)
                .containsExactlyInAnyOrder(
                        ReasonCode.CONSENT_WITHDRAWN,
                        ReasonCode.ABO_INCOMPATIBLE,
                        ReasonCode.ISCHEMIA_EXCEEDED);
    }

    @Test
    void pendingAndRejectedPledgesAreNotOffered() {
        for (PledgeStatus s : new PledgeStatus[] {PledgeStatus.PENDING, PledgeStatus.REJECTED}) {
            EligibilityResult r =
                    rules.assess(
                            withPledge(donor("D1", Organ.LIVER, "O+"), s),
                            patient("P1", Organ.LIVER, "A+"));
            assertThat(r.has(ReasonCode.PLEDGE_NOT_VERIFIED)).isTrue();
        }
        assertThat(
                        rules.assess(
                                        withPledge(
                                                donor("D1", Organ.LIVER, "O+"),
                                                PledgeStatus.DONATED),
                                        patient("P1", Organ.LIVER, "A+"))
                                .has(ReasonCode.PLEDGE_ALREADY_USED))
                .isTrue();
    }

    @Test
    void muchSmallerHeartIsASizeMismatch() {
        DonorOffer small =
                withBody(donor("D1", Organ.HEART, "O+"), new BodySize(30, Sex.FEMALE, 150, 45));
        EligibilityResult r = rules.assess(small, patient("P1", Organ.HEART, "O+"));
        assertThat(r.has(ReasonCode.SIZE_MISMATCH)).isTrue();
        assertThat(r.heartSize().phmRatio()).isLessThan(0.86);
    }

    @Test
    void heartWithoutDonorBodySizeIsMissingInputNotAGuess() {
        EligibilityResult r =
                rules.assess(
                        withBody(donor("D1", Organ.HEART, "O+"), null),
                        patient("P1", Organ.HEART, "O+"));
        assertThat(r.exclusions())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.code()).isEqualTo(ReasonCode.MISSING_INPUT);
                            assertThat(e.detail()).contains("donor height/weight");
                        });
    }

    @Test
    void corneaWithLowCellCountLateEnucleationAndOldDonorCollectsAllThree() {
        CorneaTests tests =
                new CorneaTests(
                        1800.0,
                        null,
                        InfectionStatus.NONE,
                        ViralMarker.NEGATIVE,
                        8.0,
                        StorageMedium.MK_MEDIUM);
        DonorOffer cornea =
                withBody(
                        donor("D1", Organ.CORNEA, "B+", tests),
                        new BodySize(80, Sex.MALE, 170, 70));
        EligibilityResult r = rules.assess(cornea, patient("P1", Organ.CORNEA, "O-"));
        assertThat(r.abo()).isEqualTo(AboMatch.NOT_APPLICABLE);
        assertThat(r.exclusions())
                .extracting(Exclusion::code)
                .containsExactlyInAnyOrder(
                        ReasonCode.ENDOTHELIAL_DENSITY_LOW,
                        ReasonCode.ENUCLEATION_DELAY_EXCEEDED,
                        ReasonCode.DONOR_AGE_OUT_OF_RANGE);
    }

    @Test
    void livePatientsOfOtherOrgansAreNotOfferedThisOrgan() {
        EligibilityResult r =
                rules.assess(donor("D1", Organ.LIVER, "O+"), patient("P1", Organ.KIDNEY, "O+"));
        assertThat(r.has(ReasonCode.ORGAN_MISMATCH)).isTrue();
    }

    @Test
    void kidneyWithoutDonorTypingIsMissingInput() {
        DonorOffer d = donor("D1", Organ.KIDNEY, "A+");
        DonorOffer untyped =
                new DonorOffer(
                        "D1",
                        Organ.KIDNEY,
                        d.bloodGroup(),
                        null,
                        d.hospital(),
                        PledgeStatus.VERIFIED,
                        d.registeredAt(),
                        0,
                        d.body(),
                        d.tests());
        assertThat(rules.assess(untyped, patient("P1", Organ.KIDNEY, "A+")).exclusions())
                .extracting(Exclusion::detail)
                .containsExactly("donor HLA typing is missing");
    }
}
