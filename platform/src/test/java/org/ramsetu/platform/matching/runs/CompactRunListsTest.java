package org.ramsetu.platform.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.fixtures.Fixtures;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.ranking.Candidate;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.ExcludedCandidate;
import org.ramsetu.core.ranking.MatchPreparation;
import org.ramsetu.core.ranking.MlScores;
import org.ramsetu.core.ranking.PreparedRun;
import org.ramsetu.core.ranking.RankedCandidate;
import org.ramsetu.core.ranking.RankingPolicy;
import org.ramsetu.core.ranking.RankingResult;
import org.ramsetu.core.ranking.RankingWeights;

/**
 * A compact list reads back as exactly the entries the JSON form stores, explanation included, for
 * every candidate and exclusion of a real ranking: both blood-group outcomes, typings from zero
 * mismatches to none shared, imputed tests, transport by road and air, the model's reasons for the
 * best, and a degraded run.
 */
class CompactRunListsTest {

    private static final String[] GROUPS = {"A+", "O-", "B+", "AB+", "A-"};
    private static final HlaTyping[] TYPINGS = {
        Fixtures.TYPING,
        HlaTyping.of("A1", "A3", "B8", "B35", "DR3", "DR7"),
        HlaTyping.of("A11", "A24", "B7", "B51", "DR4", "DR11")
    };

    private final String requestId = UUID.randomUUID().toString();

    private RankingResult ranking(boolean scored) {
        PatientRequest patient =
                Fixtures.withUnacceptable(
                        new PatientRequest(
                                requestId,
                                Organ.KIDNEY,
                                org.ramsetu.core.blood.BloodGroup.parse("A+"),
                                Fixtures.TYPING,
                                org.ramsetu.core.hla.UnacceptableAntigens.NONE,
                                Fixtures.MUMBAI,
                                3,
                                null,
                                null,
                                null,
                                java.time.Instant.parse("2025-06-01T00:00:00Z"),
                                Fixtures.REGISTERED),
                        "B51");
        List<DonorOffer> offers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            KidneyTests tests =
                    i % 7 == 0
                            ? new KidneyTests(
                                    1.0, null, null, null) // imaging and cardiac risk imputed
                            : Fixtures.kidneyTests();
            DonorOffer offer =
                    Fixtures.donor(
                            UUID.randomUUID().toString(), Organ.KIDNEY, GROUPS[i % 5], tests);
            offer = Fixtures.withHla(offer, TYPINGS[i % 3]);
            if (i % 4 == 0) { // far enough to fly
                offer =
                        new DonorOffer(
                                offer.donorId(),
                                offer.organ(),
                                offer.bloodGroup(),
                                offer.hla(),
                                i % 8 == 0 ? Fixtures.DELHI : Fixtures.CHENNAI,
                                offer.pledgeStatus(),
                                offer.registeredAt(),
                                offer.elapsedIschaemiaHours(),
                                offer.body(),
                                offer.tests());
            }
            offers.add(offer);
        }
        PreparedRun prepared =
                new MatchPreparation(EligibilityRules.defaults())
                        .forPatient(patient, offers, Fixtures.AS_OF);
        Map<CandidateId, Double> scores = new HashMap<>();
        int k = 0;
        for (Candidate c : prepared.eligible()) {
            scores.put(c.id(), (k++ % 10) / 10.0);
        }
        return new RankingPolicy(RankingWeights.DEFAULTS)
                .rank(prepared, scored ? MlScores.of(scores, "v-test") : MlScores.unavailable());
    }

    @Test
    void everyEntryReadsBackAsTheJsonFormStoresIt() {
        for (boolean scored : new boolean[] {true, false}) {
            RankingResult ranking = ranking(scored);
            List<RankedCandidate> ranked = ranking.ranked();
            Map<CandidateId, Map<String, Double>> contributions = new HashMap<>();
            if (scored) {
                contributions.put(ranked.get(0).id(), Map.of("hla_score", 0.25, "renal", -0.5));
                contributions.put(ranked.get(1).id(), Map.of("hla_score", 0.125));
            }

            byte[] stored = CompactRunLists.candidates(ranked, contributions);
            byte[] storedExclusions = CompactRunLists.exclusions(ranking.excluded());

            List<RunCandidate> expected = new ArrayList<>();
            for (RankedCandidate r : ranked) {
                expected.add(RunRecord.candidate(r, contributions.get(r.id())));
            }
            List<RunExclusion> expectedExclusions = new ArrayList<>();
            for (ExcludedCandidate e : ranking.excluded()) {
                expectedExclusions.add(RunRecord.exclusion(e));
            }
            assertThat(ranked.size()).isGreaterThan(10);
            assertThat(expectedExclusions).isNotEmpty();
            assertThat(expected).anySatisfy(c -> assertThat(c.imputed()).isNotEmpty());
            assertThat(expected).extracting(c -> c.transport().mode()).contains("ROAD", "AIR");
            assertThat(
                            CompactRunLists.candidates(
                                    stored, 10_000, UUID.fromString(requestId), !scored))
                    .containsExactlyElementsOf(expected);
            assertThat(CompactRunLists.candidates(stored, 3, UUID.fromString(requestId), !scored))
                    .containsExactlyElementsOf(expected.subList(0, 3));
            assertThat(CompactRunLists.pledgeOrder(stored))
                    .containsExactlyElementsOf(
                            expected.stream().map(RunCandidate::pledgeId).toList());
            assertThat(CompactRunLists.exclusions(storedExclusions, 10_000))
                    .containsExactlyElementsOf(expectedExclusions);
        }
    }

    @Test
    void anEmptyRunStoresEmptyLists() {
        byte[] stored = CompactRunLists.candidates(List.of(), Map.of());

        assertThat(CompactRunLists.candidates(stored, 100, UUID.randomUUID(), false)).isEmpty();
        assertThat(CompactRunLists.pledgeOrder(stored)).isEmpty();
        assertThat(CompactRunLists.exclusions(CompactRunLists.exclusions(List.of()), 5)).isEmpty();
    }
}
