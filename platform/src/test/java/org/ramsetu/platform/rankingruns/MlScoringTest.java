package org.ramsetu.platform.rankingruns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
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
import org.ramsetu.core.ranking.PreparedRun;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoredCandidate;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringUnavailableException;

/**
 * ML scores are attached by candidate id, never by position: the original platform re-sorted a
 * top-5 answer and gave donors each other's scores.
 */
class MlScoringTest {

    private static final Instant AS_OF = Instant.parse("2026-11-27T00:00:00Z");
    private static final Coordinates PUNE = new Coordinates(18.5204, 73.8567);

    /** Scores each candidate by a function of its own features, answering in reverse order. */
    private static class SortingModel implements ScoringClient {
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public ScoreResponse score(String organ, ScoreRequest request) {
            batchSizes.add(request.candidates().size());
            List<ScoredCandidate> results = new ArrayList<>();
            request.candidates()
                    .forEach(c -> results.add(new ScoredCandidate(c.id(), expected(c.features()))));
            Collections.reverse(results);
            return new ScoreResponse("v-sorted", results);
        }

        @Override
        public RankResponse rank(String organ, RankRequest request) {
            throw new ScoringUnavailableException("not needed");
        }

        @Override
        public List<ModelSummary> models() {
            return List.of();
        }
    }

    static double expected(Map<String, Double> features) {
        return Math.round(features.get("renal_score") * 1000) / 1000.0;
    }

    @Test
    void scoresFollowTheirCandidatesWhateverOrderTheServerAnswersIn() {
        SortingModel model = new SortingModel();
        // Distinct renal scores (0.9775, 0.4, 0.9225, 0.62, 0.8125): any mix-up shows.
        PreparedRun run = run(List.of(0.9, 3.0, 1.1, 2.2, 1.5));

        MlScoring.Outcome outcome = new MlScoring(model, 2).score(Organ.KIDNEY, run);

        assertThat(outcome.unavailableReason()).isNull();
        assertThat(outcome.scores().modelVersion()).isEqualTo("v-sorted");
        assertThat(model.batchSizes).containsExactly(2, 2, 1);
        run.eligible()
                .forEach(
                        c ->
                                assertThat(outcome.scores().scoreOrNaN(c.id()))
                                        .as(c.id().toString())
                                        .isEqualTo(expected(c.features().vector().asMap())));
    }

    @Test
    void answersInTheOrderAskedAreReadByPositionAndARepeatedIdCountsOnce() {
        PreparedRun run = run(List.of(0.9, 3.0, 1.1, 2.2, 1.5));
        ScoringClient inOrder = reordered(Collections::reverse); // back to the order asked
        ScoringClient repeatsTheFirst = reordered(r -> r.set(0, r.get(r.size() - 1)));

        MlScoring.Outcome outcome = new MlScoring(inOrder, 2).score(Organ.KIDNEY, run);

        assertThat(outcome.unavailableReason()).isNull();
        List<org.ramsetu.core.ranking.Candidate> eligible = run.eligible();
        for (int i = 0; i < eligible.size(); i++) {
            assertThat(outcome.scores().scoreOrNaN(eligible, i))
                    .isEqualTo(expected(eligible.get(i).features().vector().asMap()));
        }
        assertThat(new MlScoring(repeatsTheFirst, 10).score(Organ.KIDNEY, run).unavailableReason())
                .contains("no score for 1 of 5");
    }

    /** The sorting model's answers (in reverse order), changed by {@code change}. */
    private static ScoringClient reordered(Consumer<List<ScoredCandidate>> change) {
        return new SortingModel() {
            @Override
            public ScoreResponse score(String organ, ScoreRequest request) {
                List<ScoredCandidate> results =
                        new ArrayList<>(super.score(organ, request).results());
                change.accept(results);
                return new ScoreResponse("v", results);
            }
        };
    }

    @Test
    void aMissingScoreOrAnUnknownIdMakesTheWholeRunUnavailableAndSaysWhy() {
        PreparedRun run = run(List.of(0.8, 3.0));
        ScoringClient dropsOne =
                new SortingModel() {
                    @Override
                    public ScoreResponse score(String organ, ScoreRequest request) {
                        ScoreResponse all = super.score(organ, request);
                        return new ScoreResponse(all.modelVersion(), all.results().subList(0, 1));
                    }
                };
        ScoringClient invents =
                new SortingModel() {
                    @Override
                    public ScoreResponse score(String organ, ScoreRequest request) {
                        return new ScoreResponse(
                                "v", List.of(new ScoredCandidate("someone-else", 0.9)));
                    }
                };

        assertThat(new MlScoring(dropsOne, 10).score(Organ.KIDNEY, run).unavailableReason())
                .contains("no score for 1 of 2");
        assertThat(new MlScoring(invents, 10).score(Organ.KIDNEY, run).unavailableReason())
                .contains("someone-else");
    }

    @Test
    void anUnavailableServerIsAReasonNotAnError() {
        ScoringClient down =
                new SortingModel() {
                    @Override
                    public ScoreResponse score(String organ, ScoreRequest request) {
                        throw new ScoringUnavailableException(
                                "scoring did not answer within 2.5 s");
                    }
                };

        MlScoring.Outcome outcome = new MlScoring(down, 10).score(Organ.KIDNEY, run(List.of(1.0)));

        assertThat(outcome.unavailableReason()).isEqualTo("scoring did not answer within 2.5 s");
        assertThat(outcome.scores().scoreOrNaN(new CandidateId("R1", "D0"))).isNaN();
    }

    /** One kidney patient, one donor per creatinine value (so each has its own renal score). */
    private static PreparedRun run(List<Double> creatinines) {
        HlaTyping typing = HlaTyping.of("A1", "A2", "B8", "B44", "DR3", "DR4");
        PatientRequest patient =
                new PatientRequest(
                        "R1",
                        Organ.KIDNEY,
                        BloodGroup.parse("A+"),
                        typing,
                        UnacceptableAntigens.NONE,
                        PUNE,
                        3,
                        null,
                        null,
                        new BodySize(40, Sex.FEMALE, 160, 60),
                        Instant.parse("2025-01-01T00:00:00Z"),
                        Instant.parse("2025-01-01T00:00:00Z"));
        List<DonorOffer> donors = new ArrayList<>();
        for (int i = 0; i < creatinines.size(); i++) {
            donors.add(
                    new DonorOffer(
                            "D" + i,
                            Organ.KIDNEY,
                            BloodGroup.parse("A+"),
                            typing,
                            PUNE,
                            PledgeStatus.VERIFIED,
                            Instant.parse("2024-01-01T00:00:00Z"),
                            0,
                            new BodySize(35, Sex.MALE, 175, 75),
                            new KidneyTests(
                                    creatinines.get(i),
                                    null,
                                    ImagingFinding.NORMAL,
                                    CardiacRisk.GOOD)));
        }
        Collections.shuffle(donors, new java.util.Random(7));
        return new MatchPreparation(EligibilityRules.defaults()).forPatient(patient, donors, AS_OF);
    }
}
