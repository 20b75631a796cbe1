package org.ramsetu.platform.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.ramsetu.core.donor.AngiographyFinding;
import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.EchoFinding;
import org.ramsetu.core.donor.EyeHealth;
import org.ramsetu.core.donor.FunctionGrade;
import org.ramsetu.core.donor.HeartTests;
import org.ramsetu.core.donor.ImagingFinding;
import org.ramsetu.core.donor.InfectionStatus;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.core.geo.StorageMedium;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.registry.common.Measurement;
import org.ramsetu.platform.registry.requests.CorneaValues;
import org.ramsetu.platform.registry.requests.CreateTransplantRequest;
import org.ramsetu.platform.registry.requests.HeartValues;
import org.ramsetu.platform.registry.requests.KidneyValues;
import org.ramsetu.platform.registry.requests.LiverValues;

/**
 * Plausible per-organ test results of pledging donors (mostly healthy) and clinical values of
 * waiting patients (sick in the ways each organ's scores measure), for demo data.
 */
final class DemoOrgans {

    private static final Weighted<FunctionGrade> FUNCTION =
            Weighted.of(
                    FunctionGrade.NORMAL,
                    75,
                    FunctionGrade.MILD_IMPAIRMENT,
                    20,
                    FunctionGrade.OTHER,
                    5);
    private static final Weighted<ImagingFinding> IMAGING =
            Weighted.of(
                    ImagingFinding.NORMAL,
                    80,
                    ImagingFinding.MINOR_ABNORMALITY,
                    17,
                    ImagingFinding.SIGNIFICANT_ABNORMALITY,
                    3);
    private static final Weighted<CardiacRisk> CARDIAC =
            Weighted.of(CardiacRisk.GOOD, 65, CardiacRisk.AVERAGE, 28, CardiacRisk.POOR, 7);
    private static final Weighted<ViralMarker> VIRAL =
            Weighted.of(ViralMarker.NEGATIVE, 92, ViralMarker.POSITIVE, 3, ViralMarker.UNKNOWN, 5);
    private static final Weighted<Integer> HEART_STATUS =
            Weighted.of(1, 8, 2, 15, 3, 20, 4, 25, 5, 12, 6, 20);

    private DemoOrgans() {}

    static DonorTests tests(Organ organ, SplittableRandom r) {
        return switch (organ) {
            case KIDNEY ->
                    new KidneyTests(
                            round(0.6 + r.nextDouble() * 0.9, 2),
                            FUNCTION.draw(r),
                            IMAGING.draw(r),
                            CARDIAC.draw(r));
            case LIVER ->
                    new LiverTests(
                            round(0.3 + r.nextDouble() * 1.2, 2),
                            round(0.9 + r.nextDouble() * 0.4, 2),
                            FUNCTION.draw(r),
                            IMAGING.draw(r),
                            VIRAL.draw(r));
            case HEART ->
                    new HeartTests(
                            round(50 + r.nextDouble() * 20, 0),
                            r.nextInt(10) < 9 ? EchoFinding.NORMAL : EchoFinding.ABNORMAL,
                            r.nextInt(10) < 9
                                    ? AngiographyFinding.NO_BLOCKAGE
                                    : AngiographyFinding.BLOCKAGE,
                            VIRAL.draw(r),
                            CARDIAC.draw(r));
            case CORNEA ->
                    new CorneaTests(
                            round(1_800 + r.nextDouble() * 1_400, 0),
                            r.nextInt(10) < 8 ? EyeHealth.GOOD : EyeHealth.AVERAGE,
                            r.nextInt(20) < 19 ? InfectionStatus.NONE : InfectionStatus.SUSPECTED,
                            VIRAL.draw(r),
                            round(1 + r.nextDouble() * 5, 1),
                            StorageMedium.values()[r.nextInt(StorageMedium.values().length)]);
        };
    }

    /** A listing as a patient's team would send it, so the registry's own checks and scores run. */
    static CreateTransplantRequest request(
            Organ organ, SplittableRandom r, LocalDate listedOn, LocalDate born) {
        int urgency = 1 + r.nextInt(5);
        return switch (organ) {
            case LIVER ->
                    new CreateTransplantRequest(
                            organ.name(),
                            urgency,
                            new LiverValues(
                                    Measurement.of(
                                            round(1 + Math.pow(r.nextDouble(), 2) * 20, 1),
                                            "mg/dL"),
                                    round(1.0 + r.nextDouble() * 2.2, 2),
                                    Measurement.of(round(0.7 + r.nextDouble() * 2.8, 2), "mg/dL"),
                                    round(124 + r.nextDouble() * 16, 0),
                                    Measurement.of(round(2.0 + r.nextDouble() * 2.0, 1), "g/dL"),
                                    r.nextInt(20) == 0),
                            null,
                            null,
                            null,
                            null);
            case KIDNEY ->
                    new CreateTransplantRequest(
                            organ.name(),
                            urgency,
                            null,
                            new KidneyValues(
                                    r.nextInt(10) < 8 ? dialysisStart(r, listedOn, born) : null,
                                    r.nextInt(10) < 3,
                                    r.nextInt(100) < 8),
                            null,
                            null,
                            null);
            case HEART ->
                    new CreateTransplantRequest(
                            organ.name(),
                            urgency,
                            null,
                            null,
                            new HeartValues(HEART_STATUS.draw(r)),
                            null,
                            null);
            case CORNEA ->
                    new CreateTransplantRequest(
                            organ.name(),
                            urgency,
                            null,
                            null,
                            null,
                            new CorneaValues(r.nextInt(5) == 0 ? "TECTONIC" : "OPTICAL"),
                            null);
        };
    }

    // Up to eight years before listing, and never before the patient's first birthday.
    private static LocalDate dialysisStart(SplittableRandom r, LocalDate listedOn, LocalDate born) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(born.plusYears(1), listedOn);
        return listedOn.minusDays(r.nextLong(Math.max(1, Math.min(8 * 365, days))));
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
