package org.ramsetu.bench;

import static org.ramsetu.bench.SyntheticPopulation.ABO;
import static org.ramsetu.bench.SyntheticPopulation.B;
import static org.ramsetu.bench.SyntheticPopulation.pick;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.ImagingFinding;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.MatchPreparation;
import org.ramsetu.core.ranking.MlScores;
import org.ramsetu.core.ranking.RankingPolicy;
import org.ramsetu.core.ranking.RankingResult;
import org.ramsetu.core.ranking.RankingWeights;

/**
 * The allocation-side match run: one deceased-donor kidney against a 100,000-patient waiting list
 * (urgency tiers, waiting times and HLA all vary, so the full ordering is exercised).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DonorRunBenchmark -f 1 -wi 6 -i 5 -t 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DonorRunBenchmark {
    private static final int PATIENTS = 100_000;

    private DonorOffer donor;
    private List<PatientRequest> patients;
    private MlScores scores;
    private final MatchPreparation preparation = new MatchPreparation(EligibilityRules.defaults());
    private final RankingPolicy policy = new RankingPolicy(RankingWeights.DEFAULTS);
    private final Instant asOf = Instant.parse("2026-11-27T00:00:00Z");

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(7);
        donor =
                new DonorOffer(
                        "D-1",
                        Organ.KIDNEY,
                        BloodGroup.parse("A+"),
                        HlaTyping.of("A2", "A24", "B35", "B44", "DR4", "DR15"),
                        new Coordinates(18.52, 73.86),
                        PledgeStatus.VERIFIED,
                        Instant.parse("2025-01-01T00:00:00Z"),
                        4,
                        null,
                        new KidneyTests(1.1, null, ImagingFinding.NORMAL, CardiacRisk.GOOD));
        patients = new ArrayList<>(PATIENTS);
        Map<CandidateId, Double> ml = new HashMap<>(PATIENTS * 2);
        for (int i = 0; i < PATIENTS; i++) {
            PatientRequest p = patient(rnd, i);
            patients.add(p);
            ml.put(new CandidateId(p.patientId(), donor.donorId()), rnd.nextDouble());
        }
        scores = MlScores.of(ml, "bench-model");
    }

    private static PatientRequest patient(Random rnd, int i) {
        HlaTyping hla = SyntheticPopulation.randomTyping(rnd);
        UnacceptableAntigens unacceptable =
                rnd.nextInt(5) == 0
                        ? UnacceptableAntigens.of(pick(rnd, B))
                        : UnacceptableAntigens.NONE;
        Instant listed =
                Instant.parse("2018-01-01T00:00:00Z").plusSeconds(rnd.nextInt(250_000_000));
        return new PatientRequest(
                String.format("P%06d", i),
                Organ.KIDNEY,
                BloodGroup.parse(pick(rnd, ABO)),
                hla,
                unacceptable,
                new Coordinates(8 + 29 * rnd.nextDouble(), 68 + 29 * rnd.nextDouble()),
                1 + rnd.nextInt(5),
                null,
                null,
                null,
                listed,
                listed.minusSeconds(rnd.nextInt(1_000_000)));
    }

    @Benchmark
    public RankingResult oneDonorAgainstTheWaitingList() {
        return policy.rank(preparation.forDonor(donor, patients, asOf), scores);
    }
}
