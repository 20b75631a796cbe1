package org.ramsetu.bench;

import static org.ramsetu.bench.SyntheticPopulation.ABO;
import static org.ramsetu.bench.SyntheticPopulation.B;
import static org.ramsetu.bench.SyntheticPopulation.pick;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.ramsetu.core.allocation.AllocationDonor;
import org.ramsetu.core.allocation.AllocationPolicy;
import org.ramsetu.core.allocation.AllocationRanking;
import org.ramsetu.core.allocation.AllocationResult;
import org.ramsetu.core.allocation.PreparedAllocation;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.ImagingFinding;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.ranking.Candidate;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.MlScores;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.allocation.policies.PolicyReader;

/**
 * Allocation ordering (issue 10): one deceased-donor organ against a waiting list of 50,000
 * requests under the bundled policy {@code allocation/ramsetu-2026-1}: hard filters and features
 * ({@code AllocationRanking.prepare}), then groups, points and tie-breakers ({@code rank}) with ML
 * scores supplied by request id, or none (degraded). Kidney: zero-mismatch, longevity (KDPI 15 %
 * donor), points; liver: distance bands, MELD-Na, identical ABO.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar AllocationRunBenchmark -f 1 -wi 5 -i 5 -t 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AllocationRunBenchmark {
    private static final int WAITING = 50_000;
    private static final Instant AS_OF = Instant.parse("2026-11-27T00:00:00Z");

    @Param({"KIDNEY", "LIVER"})
    public String organ;

    private AllocationPolicy policy;
    private AllocationDonor donor;
    private List<WaitingRequest> waiting;
    private MlScores scores;
    private final AllocationRanking ranking = new AllocationRanking(EligibilityRules.defaults());

    @Setup(Level.Trial)
    public void setUp() {
        policy = bundledPolicy("ramsetu-2026-1.json");
        Organ o = Organ.valueOf(organ);
        Random rnd = new Random(7);
        DonorOffer offer =
                new DonorOffer(
                        "D-1",
                        o,
                        BloodGroup.parse("A+"),
                        HlaTyping.of("A2", "A24", "B35", "B44", "DR4", "DR15"),
                        new Coordinates(18.52, 73.86),
                        PledgeStatus.VERIFIED,
                        Instant.parse("2025-01-01T00:00:00Z"),
                        0,
                        new BodySize(40, Sex.MALE, 172, 74),
                        o == Organ.KIDNEY
                                ? new KidneyTests(
                                        1.1, null, ImagingFinding.NORMAL, CardiacRisk.GOOD)
                                : new LiverTests(
                                        0.8,
                                        1.1,
                                        null,
                                        ImagingFinding.NORMAL,
                                        ViralMarker.NEGATIVE));
        donor = new AllocationDonor(offer, o == Organ.KIDNEY ? 15 : null);
        waiting = new ArrayList<>(WAITING);
        for (int i = 0; i < WAITING; i++) {
            waiting.add(request(rnd, i, o));
        }
        PreparedAllocation prepared = ranking.prepare(policy, donor, waiting, AS_OF);
        Map<CandidateId, Double> ml = new HashMap<>();
        for (Candidate c : prepared.run().eligible()) {
            ml.put(c.id(), rnd.nextDouble());
        }
        scores = MlScores.of(ml, "bench-model");
    }

    private static AllocationPolicy bundledPolicy(String file) {
        try (InputStream in =
                AllocationRunBenchmark.class.getResourceAsStream("/allocation-policies/" + file)) {
            return PolicyReader.read(file, in.readAllBytes()).policy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WaitingRequest request(Random rnd, int i, Organ organ) {
        Instant listed =
                Instant.parse("2018-01-01T00:00:00Z").plusSeconds(rnd.nextInt(250_000_000));
        PatientRequest p =
                new PatientRequest(
                        String.format("R%06d", i),
                        organ,
                        BloodGroup.parse(pick(rnd, ABO)),
                        SyntheticPopulation.randomTyping(rnd),
                        rnd.nextInt(5) == 0
                                ? UnacceptableAntigens.of(pick(rnd, B))
                                : UnacceptableAntigens.NONE,
                        new Coordinates(8 + 29 * rnd.nextDouble(), 68 + 29 * rnd.nextDouble()),
                        1 + rnd.nextInt(5),
                        null,
                        organ == Organ.LIVER
                                ? new LiverLabs(
                                        0.5 + rnd.nextDouble() * 12,
                                        0.9 + rnd.nextDouble() * 2,
                                        0.6 + rnd.nextDouble() * 3,
                                        125 + rnd.nextInt(15),
                                        2.0 + rnd.nextDouble() * 1.5,
                                        false,
                                        rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE)
                                : null,
                        new BodySize(45, Sex.MALE, 170, 70),
                        listed,
                        listed);
        return new WaitingRequest(p, organ == Organ.KIDNEY ? rnd.nextInt(101) : null);
    }

    @Benchmark
    public AllocationResult rankedWithMlScores() {
        return ranking.rank(ranking.prepare(policy, donor, waiting, AS_OF), scores);
    }

    @Benchmark
    public AllocationResult degradedWithoutMlScores() {
        return ranking.rank(ranking.prepare(policy, donor, waiting, AS_OF), MlScores.unavailable());
    }
}
