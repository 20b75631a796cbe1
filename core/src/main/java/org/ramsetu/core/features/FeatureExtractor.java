package org.ramsetu.core.features;

import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.HeartTests;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.core.eligibility.EligibilityResult;
import org.ramsetu.core.patient.PatientRequest;

/**
 * Builds the docs/domain.md feature vector for an eligible pair. Measured numbers win over
 * categories; a missing input is either imputed with the lowest score of its scale (recorded) or,
 * for inputs a clinician would never guess (kidney function, echo, liver function, serology),
 * excludes the pair.
 */
public final class FeatureExtractor {
    static final double LOWEST = 0.4;

    private FeatureExtractor() {}

    public static FeatureResult extract(
            DonorOffer donor, PatientRequest patient, EligibilityResult e) {
        FeatureBuilder b = new FeatureBuilder(donor.organ());
        if (donor.tests() instanceof KidneyTests t) {
            kidney(t, e, b);
        } else if (donor.tests() instanceof HeartTests t) {
            heart(t, e, b);
        } else if (donor.tests() instanceof LiverTests t) {
            liver(t, e, b);
        } else if (donor.tests() instanceof CorneaTests t) {
            cornea(t, b);
        }
        b.add(e.distanceKm());
        b.add(patient.urgencyLevel());
        return b.build();
    }

    private static void kidney(KidneyTests t, EligibilityResult e, FeatureBuilder b) {
        if (e.hlaMismatch() == null) {
            b.exclude("HLA typing (hla_score)");
        } else {
            b.add(NumericScores.hla(e.hlaMismatch().total()));
        }
        b.measured(
                "renal_score",
                t.creatinineMgDl(),
                NumericScores::renal,
                t.renalFunction(),
                CategoricalScores::function,
                null,
                "donor creatinine or renal function");
        b.categorical(
                "imaging_score", t.imaging(), CategoricalScores::imaging, LOWEST, "kidney imaging");
        donorCardiacRisk("cardiac_score", t.cardiacRisk(), b);
    }

    private static void heart(HeartTests t, EligibilityResult e, FeatureBuilder b) {
        b.add(CategoricalScores.bloodCompat(e.abo()));
        b.measured(
                "echo_score",
                t.lvefPercent(),
                NumericScores::echo,
                t.echo(),
                CategoricalScores::echo,
                null,
                "echocardiography (LVEF or summary)");
        b.categorical(
                "angiography_score",
                t.angiography(),
                CategoricalScores::angiography,
                LOWEST,
                "coronary angiography");
        viralMarkers(t.viral(), b);
        donorCardiacRisk("cardiac_risk_score", t.cardiacRisk(), b);
    }

    private static void liver(LiverTests t, EligibilityResult e, FeatureBuilder b) {
        b.add(CategoricalScores.bloodCompat(e.abo()));
        b.measured(
                "liver_function_score",
                t.bilirubinMgDl(),
                NumericScores::liverFunction,
                t.liverFunction(),
                CategoricalScores::function,
                null,
                "donor bilirubin or liver function");
        b.categorical(
                "imaging_score", t.imaging(), CategoricalScores::imaging, LOWEST, "liver imaging");
        viralMarkers(t.viral(), b);
        b.measured(
                "coagulation_score",
                t.inr(),
                NumericScores::coagulation,
                null,
                null,
                LOWEST,
                "donor INR");
    }

    /** Viral markers score alike for every organ that reports them. */
    private static void viralMarkers(ViralMarker viral, FeatureBuilder b) {
        b.categorical(
                "viral_score",
                viral,
                CategoricalScores::viral,
                CategoricalScores.viral(ViralMarker.UNKNOWN),
                "viral markers");
    }

    /** The donor's cardiac risk, under the feature name {@code feature} of the organ's schema. */
    private static void donorCardiacRisk(String feature, CardiacRisk risk, FeatureBuilder b) {
        b.categorical(feature, risk, CategoricalScores::cardiacRisk, LOWEST, "donor cardiac risk");
    }

    private static void cornea(CorneaTests t, FeatureBuilder b) {
        b.categorical(
                "infection_score",
                t.infection(),
                CategoricalScores::infection,
                LOWEST,
                "infection status");
        b.measured(
                "eye_health_score",
                t.endothelialCellDensity(),
                NumericScores::eyeHealth,
                t.eyeHealth(),
                CategoricalScores::eyeHealth,
                null,
                "endothelial cell density or eye health");
        b.categorical(
                "serology_score", t.serology(), CategoricalScores::viral, null, "donor serology");
    }
}
