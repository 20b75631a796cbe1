package org.ramsetu.bench;

import static org.ramsetu.bench.SyntheticPopulation.ABO;
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
import org.openjdk.jmh.annotations.Param;
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
import org.ramsetu.core.ranking.PreparedRun;
import org.ramsetu.core.ranking.RankingPolicy;
import org.ramsetu.core.ranking.RankingResult;
import org.ramsetu.core.ranking.RankingWeights;

/**
 * Eligibility + features + ranking of 100,000 kidney offers for one patient, single thread. The
 * donor pool is synthetic: uniform positions in India's box, realistic ABO mix, random A/B/DR
 * typing, 10 % unverified pledges, 15 % missing imaging (imputed), 2 % missing renal tests
 * (excluded). ML scores arrive keyed by candidate id, as the scoring client supplies them.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar RankingBenchmark -f 1 -wi 6 -i 5 -t 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed heap, as a production JVM runs: otherwise G1 spends the first seconds resizing it on a
// 2-core machine and the warm-up never settles.
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RankingBenchmark {

    @Param({"100000"})
    int candidates;

    private PatientRequest patient;
    private List<DonorOffer> donors;
    private MlScores scores;
    private final MatchPreparation preparation = new MatchPreparation(EligibilityRules.defaults());
    private final RankingPolicy policy = new RankingPolicy(RankingWeights.DEFAULTS);
    private final Instant asOf = Instant.parse("2026-11-27T00:00:00Z");

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(42);
        patient =
                new PatientRequest(
                        "P-1",
                        Organ.KIDNEY,
                        BloodGroup.parse("O+"),
                        HlaTyping.of("A2", "A24", "B35", "B44", "DR4", "DR15"),
                        UnacceptableAntigens.of("B57", "DR7"),
                        new Coordinates(19.07, 72.88),
                        4,
                        null,
                        null,
                        null,
                        Instant.parse("2023-03-01T00:00:00Z"),
                        Instant.parse("2022-12-01T00:00:00Z"));
        donors = new ArrayList<>(candidates);
        Map<CandidateId, Double> ml = new HashMap<>(candidates * 2);
        for (int i = 0; i < candidates; i++) {
            DonorOffer d = donor(rnd, i);
            donors.add(d);
            ml.put(new CandidateId(patient.patientId(), d.donorId()), rnd.nextDouble());
        }
        scores = MlScores.of(ml, "bench-model");
    }

    private static DonorOffer donor(Random rnd, int i) {
        HlaTyping hla = SyntheticPopulation.randomTyping(rnd);
        Coordinates where = new Coordinates(8 + 29 * rnd.nextDouble(), 68 + 29 * rnd.nextDouble());
        KidneyTests tests =
                new KidneyTests(
                        rnd.nextInt(50) == 0 ? null : 0.6 + 2.5 * rnd.nextDouble(),
                        null,
                        rnd.nextInt(100) < 15 ? null : ImagingFinding.values()[rnd.nextInt(3)],
                        CardiacRisk.values()[rnd.nextInt(3)]);
        PledgeStatus status = rnd.nextInt(10) == 0 ? PledgeStatus.PENDING : PledgeStatus.VERIFIED;
        return new DonorOffer(
                String.format("D%06d", i),
                Organ.KIDNEY,
                BloodGroup.parse(pick(rnd, ABO)),
                hla,
                where,
                status,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(rnd.nextInt(10_000_000)),
                rnd.nextInt(20),
                null,
                tests);
    }

    /** The whole pipeline with ML scores present. */
    @Benchmark
    public RankingResult eligibilityFeaturesAndRanking() {
        PreparedRun run = preparation.forPatient(patient, donors, asOf);
        return policy.rank(run, scores);
    }

    /** Same, scoring service down: clinical components only. */
    @Benchmark
    public RankingResult degradedWithoutMlScores() {
        PreparedRun run = preparation.forPatient(patient, donors, asOf);
        return policy.rank(run, MlScores.unavailable());
    }

    /** Pipeline plus rendering the explanation lines a coordinator sees for the top 100. */
    @Benchmark
    public int pipelinePlusTop100Explanations() {
        RankingResult r = eligibilityFeaturesAndRanking();
        int chars = 0;
        for (int i = 0; i < Math.min(100, r.ranked().size()); i++) {
            chars += r.ranked().get(i).explanation().length();
        }
        return chars;
    }
}
