package org.ramsetu.core.eligibility;

import java.util.Locale;
import org.ramsetu.core.Require;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.blood.AboCompatibility;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.geo.IschaemiaAssessment;
import org.ramsetu.core.geo.IschaemiaLimits;
import org.ramsetu.core.geo.StorageMedium;
import org.ramsetu.core.geo.TransportSettings;
import org.ramsetu.core.hla.HlaMatching;
import org.ramsetu.core.hla.HlaMismatch;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.HeartSize;
import org.ramsetu.core.scores.HeartSizeResult;

/**
 * Every hard filter, evaluated in full: a pair collects all its reasons, not just the first, so a
 * coordinator sees everything that would need to change.
 */
public final class EligibilityRules {
    private final TransportSettings transport;
    private final double heartWeightTolerance;

    /**
     * @param heartWeightTolerance accepted relative donor/recipient weight difference
     *     (docs/domain.md: 0.20–0.30)
     */
    public EligibilityRules(TransportSettings transport, double heartWeightTolerance) {
        this.transport = Require.present("transport", transport);
        this.heartWeightTolerance =
                Require.inRange("heartWeightTolerance", heartWeightTolerance, 0.2, 0.3, "");
    }

    public static EligibilityRules defaults() {
        return new EligibilityRules(TransportSettings.DEFAULTS, 0.30);
    }

    /**
     * Whether the organ's ABO policy allows this donor's blood group for the patient at all: the
     * same answer {@link #assess} gives for ABO, without the rest of the assessment, so that a run
     * can set aside the many pledges only a zero-mismatch typing could have allowed (kidney: O→A,
     * O→B, O→AB, B→AB) and count them instead of assessing and listing each one.
     */
    public static boolean aboAllows(
            Organ organ, BloodGroup donor, HlaTyping donorHla, PatientRequest patient) {
        Abo recipient = patient.bloodGroup().abo();
        if (AboCompatibility.assess(organ, donor.abo(), recipient, false).eligible()) {
            return true;
        }
        if (!AboCompatibility.assess(organ, donor.abo(), recipient, true).eligible()) {
            return false;
        }
        return donorHla != null
                && patient.hla() != null
                && HlaMatching.mismatches(donorHla, patient.hla()).isZero();
    }

    public EligibilityResult assess(DonorOffer donor, PatientRequest patient) {
        ExclusionList out = new ExclusionList();
        Organ organ = patient.organ();
        if (donor.organ() != organ) {
            out.add(
                    new Exclusion(
                            ReasonCode.ORGAN_MISMATCH,
                            donor.organ() + " offered for a " + organ + " request"));
        }
        PledgeChecks.check(donor, out);
        if (patient.heartStatus() == HeartStatus.INACTIVE_7) {
            out.add(new Exclusion(ReasonCode.CANDIDATE_INACTIVE, "heart status 7 (inactive)"));
        }
        HlaMismatch mismatch = HlaChecks.check(donor, patient, out);
        AboMatch abo =
                AboCompatibility.assess(
                        organ,
                        donor.bloodGroup().abo(),
                        patient.bloodGroup().abo(),
                        mismatch != null && mismatch.isZero());
        if (!abo.eligible()) {
            out.add(AboExclusions.of(organ, donor.bloodGroup().abo(), patient.bloodGroup().abo()));
        }
        double distanceKm = donor.hospital().distanceKmTo(patient.hospital());
        IschaemiaAssessment ischaemia = ischaemia(donor, distanceKm, out);
        HeartSizeResult size = organ == Organ.HEART ? heartSize(donor, patient, out) : null;
        if (organ == Organ.CORNEA && donor.tests() instanceof CorneaTests tests) {
            CorneaChecks.check(donor, tests, out);
        }
        if (organ == Organ.LIVER && patient.liverLabs() == null) {
            out.add(Exclusion.missing("patient liver labs (for MELD-Na)"));
        }
        if (organ == Organ.HEART && patient.heartStatus() == null) {
            out.add(Exclusion.missing("patient heart status"));
        }
        return new EligibilityResult(out.toList(), abo, mismatch, distanceKm, ischaemia, size);
    }

    private IschaemiaAssessment ischaemia(DonorOffer donor, double distanceKm, ExclusionList out) {
        StorageMedium medium = null;
        if (donor.tests() instanceof CorneaTests cornea) {
            medium = cornea.storageMedium();
            if (medium == null) {
                out.add(Exclusion.missing("cornea storage medium"));
                return null;
            }
        }
        IschaemiaAssessment a =
                IschaemiaLimits.forOrgan(donor.organ(), medium)
                        .assess(
                                donor.elapsedIschaemiaHours(),
                                transport.plan(distanceKm),
                                transport.surgeryHours());
        if (!a.feasible()) {
            out.add(
                    new Exclusion(
                            ReasonCode.ISCHEMIA_EXCEEDED,
                            String.format(
                                    Locale.ROOT,
                                    "%.1f h needed (%.0f km by %s) > hard limit %.0f h",
                                    a.totalHours(),
                                    distanceKm,
                                    a.plan().mode(),
                                    a.hardHours())));
        }
        return a;
    }

    private HeartSizeResult heartSize(DonorOffer donor, PatientRequest patient, ExclusionList out) {
        if (donor.body() == null || patient.body() == null) {
            out.add(
                    Exclusion.missing(
                            donor.body() == null
                                    ? "donor height/weight"
                                    : "patient height/weight"));
            return null;
        }
        HeartSizeResult r = HeartSize.check(donor.body(), patient.body(), heartWeightTolerance);
        if (!r.acceptable()) {
            out.add(
                    new Exclusion(
                            ReasonCode.SIZE_MISMATCH,
                            String.format(
                                    Locale.ROOT,
                                    "weight ratio %.2f outside ±%.0f%% and PHM ratio %.2f < %.2f",
                                    r.weightRatio(),
                                    heartWeightTolerance * 100,
                                    r.phmRatio(),
                                    HeartSize.MIN_PHM_RATIO)));
        }
        return r;
    }
}
