package org.ramsetu.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ramsetu.core.fixtures.Fixtures.donor;
import static org.ramsetu.core.fixtures.Fixtures.patient;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.donor.AngiographyFinding;
import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.EchoFinding;
import org.ramsetu.core.donor.FunctionGrade;
import org.ramsetu.core.donor.HeartTests;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.eligibility.ReasonCode;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;

class FeatureExtractorTest {
    private final EligibilityRules rules = EligibilityRules.defaults();

    private FeatureResult extract(DonorOffer d, PatientRequest p) {
        return FeatureExtractor.extract(d, p, rules.assess(d, p));
    }

    @Test
    void namesAreExactlyThoseOfDomainMd() {
        assertThat(FeatureSchema.names(Organ.KIDNEY))
                .containsExactly(
                        "hla_score",
                        "renal_score",
                        "imaging_score",
                        "cardiac_score",
                        "distance_km",
                        "urgency_level");
        assertThat(FeatureSchema.names(Organ.HEART))
                .containsExactly(
                        "blood_compat_score",
                        "echo_score",
                        "angiography_score",
                        "viral_score",
                        "cardiac_risk_score",
                        "distance_km",
                        "urgency_level");
        assertThat(FeatureSchema.names(Organ.LIVER))
                .containsExactly(
                        "blood_compat_score",
                        "liver_function_score",
                        "imaging_score",
                        "viral_score",
                        "coagulation_score",
                        "distance_km",
                        "urgency_level");
        assertThat(FeatureSchema.names(Organ.CORNEA))
                .containsExactly(
                        "infection_score",
                        "eye_health_score",
                        "serology_score",
                        "distance_km",
                        "urgency_level");
    }

    @Test
    void kidneyFeaturesComeFromRealNumbersDistanceAndUrgency() {
        DonorOffer d =
                donor(
                        "D1",
                        Organ.KIDNEY,
                        "A+",
                        new KidneyTests(2.0, FunctionGrade.NORMAL, null, CardiacRisk.AVERAGE));
        FeatureResult r = extract(d, patient("P1", Organ.KIDNEY, "A+"));
        FeatureVector v = r.vector();
        assertThat(v.get("hla_score")).isEqualTo(1.0); // 0 mismatches
        assertThat(v.get("renal_score"))
                .isCloseTo(0.675, within(1e-9)); // creatinine wins over the grade
        assertThat(v.get("cardiac_score")).isEqualTo(0.65);
        assertThat(v.get("distance_km")).isBetween(110.0, 130.0);
        assertThat(v.get("urgency_level")).isEqualTo(3.0);
        // imaging not reported: imputed with the lowest score, and recorded
        assertThat(v.get("imaging_score")).isEqualTo(0.4);
        assertThat(r.imputations())
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.feature()).isEqualTo("imaging_score");
                            assertThat(i.reason()).contains("kidney imaging not reported");
                        });
    }

    @Test
    void kidneyWithNeitherCreatinineNorGradeIsExcludedNotImputed() {
        DonorOffer d = donor("D1", Organ.KIDNEY, "A+", new KidneyTests(null, null, null, null));
        FeatureResult r = extract(d, patient("P1", Organ.KIDNEY, "A+"));
        assertThat(r.complete()).isFalse();
        assertThat(r.exclusions())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.code()).isEqualTo(ReasonCode.MISSING_INPUT);
                            assertThat(e.detail()).contains("donor creatinine or renal function");
                        });
    }

    @Test
    void heartUsesDomainCategoricalMappingsAndCompatibleBloodScoresBelowIdentical() {
        DonorOffer d =
                donor(
                        "D1",
                        Organ.HEART,
                        "O+",
                        new HeartTests(
                                null,
                                EchoFinding.NORMAL,
                                AngiographyFinding.BLOCKAGE,
                                ViralMarker.POSITIVE,
                                CardiacRisk.POOR));
        FeatureVector v = extract(d, patient("P1", Organ.HEART, "B+")).vector();
        assertThat(v.asMap())
                .containsEntry("blood_compat_score", 0.8)
                .containsEntry("echo_score", 0.9)
                .containsEntry("angiography_score", 0.6)
                .containsEntry("viral_score", 0.3)
                .containsEntry("cardiac_risk_score", 0.4);
    }

    @Test
    void heartWithoutEchoIsExcluded() {
        DonorOffer d =
                donor(
                        "D1",
                        Organ.HEART,
                        "O+",
                        new HeartTests(null, null, null, ViralMarker.NEGATIVE, CardiacRisk.GOOD));
        assertThat(extract(d, patient("P1", Organ.HEART, "O+")).exclusions()).hasSize(1);
    }

    @Test
    void liverViralMarkersNotReportedAreImputedAsUnknownAndRecorded() {
        DonorOffer d = donor("D1", Organ.LIVER, "O+", new LiverTests(1.0, 1.5, null, null, null));
        FeatureResult r = extract(d, patient("P1", Organ.LIVER, "O+"));
        assertThat(r.vector().get("viral_score")).isEqualTo(0.6);
        assertThat(r.vector().get("coagulation_score")).isCloseTo(0.7, within(1e-9));
        assertThat(r.vector().get("liver_function_score")).isCloseTo(0.95, within(1e-9));
        assertThat(r.imputations())
                .extracting(Imputation::feature)
                .containsExactly("imaging_score", "viral_score");
    }

    @Test
    void corneaEyeHealthFromEndothelialCellDensity() {
        FeatureVector v =
                extract(donor("D1", Organ.CORNEA, "O+"), patient("P1", Organ.CORNEA, "AB+"))
                        .vector();
        assertThat(v.get("eye_health_score")).isCloseTo(0.82, within(1e-9)); // 0.5 + 0.4·800/1000
        assertThat(v.get("infection_score")).isEqualTo(0.95);
        assertThat(v.get("serology_score")).isEqualTo(0.95);
    }
}
