package org.ramsetu.core.hla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.InvalidClinicalValueException;

class HlaMatchingTest {

    @Test
    void identicalTypingsHaveNoMismatch() {
        HlaTyping t = HlaTyping.of("A1", "A2", "B8", "B44", "DR3", "DR15");
        assertThat(HlaMatching.mismatches(t, t)).isEqualTo(new HlaMismatch(0, 0, 0));
        assertThat(HlaMatching.points(new HlaMismatch(0, 0, 0))).isEqualTo(400.0);
    }

    @Test
    void countsDonorAntigensTheRecipientLacks() {
        HlaTyping donor = HlaTyping.of("A1", "A3", "B7", "B8", "DR4", "DR15");
        HlaTyping recipient = HlaTyping.of("A1", "A2", "B8", "B44", "DR4", "DR13");
        HlaMismatch mm = HlaMatching.mismatches(donor, recipient);
        assertThat(mm).isEqualTo(new HlaMismatch(1, 1, 1));
        assertThat(mm.total()).isEqualTo(3);
        // 400 − 66.67 × 3 = 199.99
        assertThat(HlaMatching.points(mm)).isCloseTo(199.99, within(1e-9));
    }

    @Test
    void homozygousDonorLocusCountsAtMostOnce() {
        HlaTyping homozygousDonor = HlaTyping.of("A2", "A2", "B7", "DR4");
        HlaTyping recipient = HlaTyping.of("A1", "A3", "B8", "B44", "DR13", "DR15");
        assertThat(HlaMatching.mismatches(homozygousDonor, recipient))
                .isEqualTo(new HlaMismatch(1, 1, 1));
    }

    @Test
    void fullMismatchIsSixAndScoresNearZeroPoints() {
        HlaTyping donor = HlaTyping.of("A1", "A3", "B7", "B8", "DR4", "DR7");
        HlaTyping recipient = HlaTyping.of("A2", "A11", "B27", "B35", "DR1", "DR13");
        HlaMismatch mm = HlaMatching.mismatches(donor, recipient);
        assertThat(mm.total()).isEqualTo(6);
        assertThat(HlaMatching.points(mm)).isCloseTo(0.0, within(0.03));
    }

    @Test
    void broadAndSplitOfTheSameFamilyMatchButSiblingSplitsDoNot() {
        HlaTyping recipientBroad = HlaTyping.of("A9", "A1", "B12", "DR2");
        HlaTyping donorSplits = HlaTyping.of("A24", "A1", "B44", "DR15");
        assertThat(HlaMatching.mismatches(donorSplits, recipientBroad).total()).isZero();
        HlaTyping recipientSibling = HlaTyping.of("A23", "A1", "B45", "DR16");
        assertThat(HlaMatching.mismatches(donorSplits, recipientSibling))
                .isEqualTo(new HlaMismatch(1, 1, 1));
    }

    @Test
    void virtualCrossmatchFindsUnacceptableAntigensIncludingSplitsOfAListedBroad() {
        HlaTyping donor = HlaTyping.of("A24", "A1", "B8", "B7", "DR15", "DR4");
        assertThat(UnacceptableAntigens.of("A9").conflicts(donor))
                .containsExactly(HlaAntigen.parse("A24"));
        assertThat(UnacceptableAntigens.of("DR15", "B7").conflicts(donor)).hasSize(2);
        assertThat(UnacceptableAntigens.of("A2", "B44").conflicts(donor)).isEmpty();
        // Donor typed only at broad level DR2 may carry DR15: conservative exclusion.
        assertThat(UnacceptableAntigens.of("DR15").conflicts(HlaTyping.of("A1", "B8", "DR2")))
                .hasSize(1);
    }

    @Test
    void parsesCommonNotationsAndRejectsGarbage() {
        assertThat(HlaAntigen.parse("A*02")).isEqualTo(new HlaAntigen(HlaLocus.A, 2));
        assertThat(HlaAntigen.parse(" dr15 ")).isEqualTo(new HlaAntigen(HlaLocus.DR, 15));
        assertThatThrownBy(() -> HlaAntigen.parse("C7"))
                .isInstanceOf(InvalidClinicalValueException.class);
        assertThatThrownBy(() -> HlaTyping.of("A1", "A2", "A3", "B8", "DR4"))
                .isInstanceOf(InvalidClinicalValueException.class)
                .hasMessageContaining("hla.A");
        assertThatThrownBy(() -> HlaTyping.of("A1", "DR4")).hasMessageContaining("hla.B");
    }
}
