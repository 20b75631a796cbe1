package org.ramsetu.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.fixtures.Fixtures;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;

/** The ranking is a deterministic total order, whatever the input order. */
class RankingProperties {
    private static final String[] GROUPS = {"O+", "A+", "B-", "AB+"};
    private static final String[] A = {"A1", "A2", "A3", "A24"};
    private static final String[] B = {"B7", "B8", "B44", "B51"};
    private static final String[] DR = {"DR3", "DR4", "DR15", "DR11"};

    private final MatchPreparation preparation = new MatchPreparation(EligibilityRules.defaults());
    private final RankingPolicy policy = new RankingPolicy(RankingWeights.DEFAULTS);

    @Property(tries = 60)
    void stableUnderShufflingAndATotalOrder(
            @ForAll @IntRange(min = 1, max = 60) int size,
            @ForAll long seed,
            @ForAll boolean withMl) {
        Random rnd = new Random(seed);
        DonorOffer donor = Fixtures.donor("D1", Organ.KIDNEY, "A+");
        List<PatientRequest> patients = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            patients.add(randomPatient(rnd, i));
        }
        Map<CandidateId, Double> ml = new HashMap<>();
        for (PatientRequest p : patients) {
            ml.put(
                    new CandidateId(p.patientId(), "D1"),
                    rnd.nextInt(5) / 4.0); // coarse → many ties
        }
        MlScores scores = withMl ? MlScores.of(ml, "m") : MlScores.unavailable();
        List<CandidateId> first =
                ids(policy.rank(preparation.forDonor(donor, patients, Fixtures.AS_OF), scores));
        List<PatientRequest> shuffled = new ArrayList<>(patients);
        Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
        List<CandidateId> second =
                ids(policy.rank(preparation.forDonor(donor, shuffled, Fixtures.AS_OF), scores));
        assertThat(second).isEqualTo(first);
        assertThat(new HashSet<>(first)).hasSize(first.size()); // no candidate twice, none merged
        RankingResult r =
                policy.rank(preparation.forDonor(donor, patients, Fixtures.AS_OF), scores);
        for (int i = 0; i < r.ranked().size(); i++) {
            assertThat(r.ranked().get(i).rank()).isEqualTo(i + 1);
        }
        for (int i = 1; i < r.ranked().size(); i++) {
            RankedCandidate prev = r.ranked().get(i - 1);
            RankedCandidate cur = r.ranked().get(i);
            assertThat(prev.tier().rank()).isGreaterThanOrEqualTo(cur.tier().rank());
            if (prev.tier().rank() != cur.tier().rank()) {
                continue;
            }
            // Within a tier a zero-mismatch kidney pair stands above any other (ranking/ramsetu-2).
            assertThat(zeroMismatch(prev) || !zeroMismatch(cur)).isTrue();
            if (zeroMismatch(prev) == zeroMismatch(cur) && prev.abo() == cur.abo()) {
                assertThat(prev.components().combined())
                        .isGreaterThanOrEqualTo(cur.components().combined());
            }
        }
        assertThat(r.ranked().size() + r.excluded().size()).isEqualTo(size);
    }

    private static boolean zeroMismatch(RankedCandidate c) {
        return c.components().hlaPoints() == 400.0;
    }

    private static List<CandidateId> ids(RankingResult r) {
        return r.ranked().stream().map(RankedCandidate::id).toList();
    }

    private static PatientRequest randomPatient(Random rnd, int i) {
        HlaTyping hla =
                HlaTyping.of(
                        A[rnd.nextInt(4)],
                        A[rnd.nextInt(4)],
                        B[rnd.nextInt(4)],
                        B[rnd.nextInt(4)],
                        DR[rnd.nextInt(4)],
                        DR[rnd.nextInt(4)]);
        Instant listed =
                Instant.parse("2022-01-01T00:00:00Z").plusSeconds(86_400L * rnd.nextInt(3));
        Instant registered =
                Instant.parse("2021-01-01T00:00:00Z").plusSeconds(86_400L * rnd.nextInt(2));
        Coordinates where = rnd.nextBoolean() ? Fixtures.MUMBAI : Fixtures.CHENNAI;
        return new PatientRequest(
                String.format("P%03d", i),
                Organ.KIDNEY,
                BloodGroup.parse(GROUPS[rnd.nextInt(4)]),
                hla,
                UnacceptableAntigens.NONE,
                where,
                1 + rnd.nextInt(3),
                null,
                null,
                null,
                listed,
                registered);
    }
}
