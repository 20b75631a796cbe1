package org.ramsetu.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ramsetu.core.fixtures.Fixtures.AS_OF;
import static org.ramsetu.core.fixtures.Fixtures.donor;
import static org.ramsetu.core.fixtures.Fixtures.patient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.organ.Organ;

/** Scores made for a run's candidates attach to those candidates, however they are read. */
class MlScoresTest {

    private final PreparedRun run =
            new MatchPreparation(EligibilityRules.defaults())
                    .forPatient(
                            patient("P1", Organ.LIVER, "O+"),
                            List.of(
                                    donor("D1", Organ.LIVER, "O+"),
                                    donor("D2", Organ.LIVER, "O-"),
                                    donor("D3", Organ.LIVER, "O+")),
                            AS_OF);
    private final List<Candidate> eligible = run.eligible();
    private final double[] scores = {0.1, 0.5, 0.9};

    @Test
    void readByPositionOnlyFromTheListTheyWereMadeFor() {
        MlScores ml = MlScores.forCandidates(eligible, scores, "m-1");
        List<Candidate> reversed = new ArrayList<>(eligible);
        Collections.reverse(reversed);

        for (int i = 0; i < eligible.size(); i++) {
            assertThat(ml.scoreOrNaN(eligible, i)).isEqualTo(scores[i]);
            // another list, even of the same candidates, is read by id: never by position
            Candidate c = reversed.get(i);
            assertThat(ml.scoreOrNaN(reversed, i))
                    .isEqualTo(scores[eligible.indexOf(c)])
                    .isEqualTo(ml.scoreOrNaN(c.id()));
        }
        assertThat(ml.scoreOrNaN(new CandidateId("P1", "D9"))).isNaN();
        assertThat(ml.get(eligible.get(2).id())).hasValue(0.9);
        assertThat(ml.modelVersion()).isEqualTo("m-1");
    }

    @Test
    void aRunRanksTheSameWithScoresByPositionAsWithScoresById() {
        Map<CandidateId, Double> byId = new HashMap<>();
        for (int i = 0; i < eligible.size(); i++) {
            byId.put(eligible.get(i).id(), scores[i]);
        }
        RankingPolicy policy = new RankingPolicy(RankingWeights.DEFAULTS);

        RankingResult aligned = policy.rank(run, MlScores.forCandidates(eligible, scores, "m-1"));
        RankingResult keyed = policy.rank(run, MlScores.of(byId, "m-1"));

        assertThat(aligned.ranked()).isEqualTo(keyed.ranked());
        assertThat(aligned.ranked()).extracting(r -> r.id().donorId()).startsWith("D3");
    }

    @Test
    void refusesAScoreOutsideZeroToOneAndACountThatDiffers() {
        assertThatThrownBy(
                        () ->
                                MlScores.forCandidates(
                                        eligible, new double[] {0.1, Double.NaN, 0.2}, "m"))
                .isInstanceOf(InvalidClinicalValueException.class)
                .hasMessageContaining("P1/" + eligible.get(1).id().donorId());
        assertThatThrownBy(() -> MlScores.forCandidates(eligible, new double[] {0.1}, "m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 scores for 3 candidates");
    }
}
