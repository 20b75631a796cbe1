package org.ramsetu.core.allocation.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.ramsetu.core.allocation.AllocationDonor;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.blood.Rh;
import org.ramsetu.core.donor.AngiographyFinding;
import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.HeartTests;
import org.ramsetu.core.donor.ImagingFinding;
import org.ramsetu.core.donor.InfectionStatus;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.geo.StorageMedium;
import org.ramsetu.core.hla.HlaAntigen;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.Kdri;
import org.ramsetu.core.scores.KidneyDonorFactors;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.core.scores.Sex;

/**
 * Synthetic deceased donors for a simulation, reproducible from a seed. Arrivals are uniform over
 * the period; each donor is placed at the hospital of a random waiting request (organs arise where
 * patients are treated), with ABO from the Indian distribution (O 37 %, B 32 %, A 22 %, AB 9 %),
 * HLA antigens drawn from the waiting list's own typings (so their frequencies), healthy-range
 * tests, and for kidneys a KDPI from the 2024 KDRI with random age, size, hypertension, diabetes,
 * cause of death and DCD.
 */
final class SyntheticDonors {

    /** A donor organ and when it becomes available. */
    record Arrival(Instant at, AllocationDonor donor) {}

    private static final Abo[] ABO = {Abo.O, Abo.B, Abo.A, Abo.AB};
    private static final int[] ABO_PERCENT = {37, 32, 22, 9};

    private SyntheticDonors() {}

    static List<Arrival> generate(
            SimulationSettings s, List<WaitingRequest> waiting, Instant start) {
        SplittableRandom r = new SplittableRandom(s.seed());
        List<HlaTyping> typings = new ArrayList<>();
        for (WaitingRequest w : waiting) {
            if (w.request().hla() != null) {
                typings.add(w.request().hla());
            }
        }
        PercentileTable kdpiTable =
                s.organ() == Organ.KIDNEY ? PercentileTable.kdpiBundled() : null;
        List<Arrival> out = new ArrayList<>(s.donors());
        long periodSeconds = s.days() * 86_400L;
        for (int i = 0; i < s.donors(); i++) {
            Instant at = start.plusSeconds(r.nextLong(periodSeconds));
            Coordinates hospital = waiting.get(r.nextInt(waiting.size())).request().hospital();
            Coordinates place =
                    new Coordinates(
                            clamp(hospital.latitude() + (r.nextDouble() - 0.5) * 0.5, -89, 89),
                            clamp(hospital.longitude() + (r.nextDouble() - 0.5) * 0.5, -179, 179));
            int age = s.organ() == Organ.CORNEA ? 20 + r.nextInt(55) : 18 + r.nextInt(53);
            Sex sex = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            double height = sex == Sex.MALE ? 160 + r.nextInt(30) : 148 + r.nextInt(27);
            double weight = sex == Sex.MALE ? 55 + r.nextInt(40) : 45 + r.nextInt(35);
            DonorTests tests = tests(s.organ(), r);
            DonorOffer offer =
                    new DonorOffer(
                            String.format("SIM-%05d", i + 1),
                            s.organ(),
                            BloodGroup.of(abo(r), r.nextInt(100) < 94 ? Rh.POSITIVE : Rh.NEGATIVE),
                            typings.isEmpty() ? null : typing(r, typings),
                            place,
                            PledgeStatus.VERIFIED,
                            at,
                            0,
                            new BodySize(age, sex, height, weight),
                            tests);
            Integer kdpi = null;
            if (kdpiTable != null) {
                KidneyDonorFactors f =
                        new KidneyDonorFactors(
                                age,
                                height,
                                weight,
                                r.nextInt(100) < 20,
                                r.nextInt(100) < 8,
                                r.nextInt(100) < 30,
                                ((KidneyTests) tests).creatinineMgDl(),
                                r.nextInt(100) < 10);
                kdpi = Kdri.kdpi(Kdri.compute(f), kdpiTable).percentile();
            }
            out.add(new Arrival(at, new AllocationDonor(offer, kdpi)));
        }
        out.sort(Comparator.comparing(Arrival::at).thenComparing(a -> a.donor().offer().donorId()));
        return out;
    }

    private static Abo abo(SplittableRandom r) {
        int x = r.nextInt(100);
        for (int i = 0; i < ABO.length; i++) {
            x -= ABO_PERCENT[i];
            if (x < 0) {
                return ABO[i];
            }
        }
        return Abo.O;
    }

    /** Each locus' two antigens from two random typings of the list. */
    private static HlaTyping typing(SplittableRandom r, List<HlaTyping> typings) {
        List<String> antigens = new ArrayList<>(6);
        for (int locus = 0; locus < 3; locus++) {
            for (int k = 0; k < 2; k++) {
                HlaTyping t = typings.get(r.nextInt(typings.size()));
                List<HlaAntigen> at = locus == 0 ? t.a() : locus == 1 ? t.b() : t.dr();
                antigens.add(at.get(r.nextInt(at.size())).toString());
            }
        }
        return HlaTyping.of(antigens.toArray(String[]::new));
    }

    private static DonorTests tests(Organ organ, SplittableRandom r) {
        switch (organ) {
            case KIDNEY:
                return new KidneyTests(
                        round(0.6 + r.nextDouble() * 1.4),
                        null,
                        r.nextInt(10) < 8
                                ? ImagingFinding.NORMAL
                                : ImagingFinding.MINOR_ABNORMALITY,
                        r.nextInt(10) < 7 ? CardiacRisk.GOOD : CardiacRisk.AVERAGE);
            case LIVER:
                return new LiverTests(
                        round(0.3 + r.nextDouble() * 1.2),
                        round(0.9 + r.nextDouble() * 0.4),
                        null,
                        r.nextInt(10) < 8
                                ? ImagingFinding.NORMAL
                                : ImagingFinding.MINOR_ABNORMALITY,
                        r.nextInt(20) == 0 ? ViralMarker.UNKNOWN : ViralMarker.NEGATIVE);
            case HEART:
                return new HeartTests(
                        (double) (50 + r.nextInt(20)),
                        null,
                        r.nextInt(10) < 9
                                ? AngiographyFinding.NO_BLOCKAGE
                                : AngiographyFinding.BLOCKAGE,
                        ViralMarker.NEGATIVE,
                        r.nextInt(10) < 7 ? CardiacRisk.GOOD : CardiacRisk.AVERAGE);
            default:
                return new CorneaTests(
                        (double) (2100 + r.nextInt(1200)),
                        null,
                        InfectionStatus.NONE,
                        ViralMarker.NEGATIVE,
                        round(1 + r.nextDouble() * 5),
                        r.nextBoolean() ? StorageMedium.MK_MEDIUM : StorageMedium.OPTISOL_GS);
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
