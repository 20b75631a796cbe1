package org.ramsetu.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.core.allocation.Allocations.LIVER;
import static org.ramsetu.core.allocation.Allocations.POLICY;
import static org.ramsetu.core.allocation.Allocations.donor;
import static org.ramsetu.core.allocation.Allocations.labsForMeld;
import static org.ramsetu.core.allocation.Allocations.liver;
import static org.ramsetu.core.allocation.Allocations.order;
import static org.ramsetu.core.allocation.Allocations.rank;
import static org.ramsetu.core.fixtures.Fixtures.DELHI;
import static org.ramsetu.core.fixtures.Fixtures.MUMBAI;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.eligibility.ReasonCode;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Meld;
import org.ramsetu.core.scores.Sex;

/** Liver: distance band, then MELD (higher first), then ABO identical before compatible. */
class LiverAllocationTest {

    @Test
    void theFixtureLabsHaveTheMeldTheScenariosNeed() {
        assertThat(Meld.meldNa(labsForMeld(30)).score()).isEqualTo(30);
        assertThat(Meld.meldNa(labsForMeld(20)).score()).isEqualTo(20);
    }

    @Test
    void withinABandHigherMeldFirstWhateverTheWaitingTime() {
        var sicker = liver("R-meld30", "O+", labsForMeld(30), MUMBAI, 1);
        var waitedLonger = liver("R-meld20", "O+", labsForMeld(20), MUMBAI, 3000);

        var result = rank(POLICY, donor(Organ.LIVER, "O+", null), List.of(waitedLonger, sicker));

        assertThat(order(result)).containsExactly("R-meld30", "R-meld20");
        assertThat(result.ranked().get(0).meld()).isEqualTo(30);
    }

    @Test
    void theLocalBandComesBeforeAFartherBandWhateverTheMeld() {
        var farSicker = liver("R-delhi-meld35", "O+", labsForMeld(35), DELHI, 3000);
        var localLessSick = liver("R-mumbai-meld15", "O+", labsForMeld(15), MUMBAI, 100);

        var result =
                rank(POLICY, donor(Organ.LIVER, "O+", null), List.of(farSicker, localLessSick));

        assertThat(order(result)).containsExactly("R-mumbai-meld15", "R-delhi-meld35");
    }

    @Test
    void atEqualMeldIdenticalBloodGroupBeforeCompatibleWhateverThePoints() {
        var compatible = liver("R-A-compatible", "A+", labsForMeld(25), MUMBAI, 3000);
        var identical = liver("R-O-identical", "O+", labsForMeld(25), MUMBAI, 1);

        var result = rank(POLICY, donor(Organ.LIVER, "O+", null), List.of(compatible, identical));

        assertThat(order(result)).containsExactly("R-O-identical", "R-A-compatible");
        assertThat(result.ranked().get(1).explanation()).contains("MELD-Na 25, ABO compatible");
    }

    @Test
    void aHigherMeldCompatibleRecipientStillComesBeforeALowerMeldIdenticalOne() {
        var compatible = liver("R-A-meld30", "A+", labsForMeld(30), MUMBAI, 1);
        var identical = liver("R-O-meld20", "O+", labsForMeld(20), MUMBAI, 3000);

        var result = rank(POLICY, donor(Organ.LIVER, "O+", null), List.of(identical, compatible));

        assertThat(order(result)).containsExactly("R-A-meld30", "R-O-meld20");
    }

    @Test
    void aPolicyMayOrderByMeld30InsteadAndThenNeedsAlbumin() {
        // MELD-Na 15 vs 14, but MELD 3.0 15 vs 18 (female, low albumin): the formulas disagree.
        var male =
                liver(
                        "R-male",
                        "O+",
                        new LiverLabs(3.0, 1.5, 1.0, 137, 3.5, false, Sex.MALE),
                        MUMBAI,
                        1);
        var female =
                liver(
                        "R-female",
                        "O+",
                        new LiverLabs(2.5, 1.5, 1.0, 137, 2.0, false, Sex.FEMALE),
                        MUMBAI,
                        1);
        var noAlbumin =
                liver(
                        "R-no-albumin",
                        "O+",
                        new LiverLabs(9, 2, 1, 130, null, false, Sex.MALE),
                        MUMBAI,
                        1);
        var waiting = List.of(male, female, noAlbumin);
        var meld3 =
                Allocations.with(
                        new OrganRules(
                                Organ.LIVER,
                                LIVER.groups(),
                                LIVER.distanceBandsKm(),
                                MeldFormula.MELD_3,
                                null,
                                LIVER.points()));

        var byMeldNa = rank(POLICY, donor(Organ.LIVER, "O+", null), waiting);
        var byMeld3 = rank(meld3, donor(Organ.LIVER, "O+", null), waiting);

        assertThat(order(byMeldNa)).containsExactly("R-no-albumin", "R-male", "R-female");
        assertThat(order(byMeld3)).containsExactly("R-female", "R-male");
        assertThat(byMeld3.formulaVersions()).contains(Meld.MELD_3);
        assertThat(byMeld3.excluded()).hasSize(1);
        assertThat(byMeld3.excluded().get(0).exclusions().get(0).code())
                .isEqualTo(ReasonCode.MISSING_INPUT);
        assertThat(byMeld3.ranked().get(0).explanation()).contains("MELD 3.0 18");
    }
}
