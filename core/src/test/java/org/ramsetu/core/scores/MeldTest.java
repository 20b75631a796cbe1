package org.ramsetu.core.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.InvalidClinicalValueException;

/**
 * Reference values computed by hand from the published formulas (OPTN Policy 9.1.D for MELD-Na; Kim
 * et al., Gastroenterology 2021;161:1887 for MELD 3.0). The arithmetic is shown per case.
 */
class MeldTest {

    @Test
    void meldNaTypicalCandidate() {
        // bili 2.0, INR 1.5, Cr 1.2, Na 130:
        // MELD(i) raw = 0.957·ln1.2 + 0.378·ln2.0 + 1.120·ln1.5 + 0.643
        //             = 0.17448 + 0.26201 + 0.45412 + 0.643 = 1.53361 → 1.5 → ×10 = 15
        // 15 > 11: 15 + 1.32·7 − 0.033·15·7 = 15 + 9.24 − 3.465 = 20.775 → 21
        MeldScore s = Meld.meldNa(labs(2.0, 1.5, 1.2, 130, 3.0, false, Sex.MALE));
        assertThat(s.meldI()).isEqualTo(15.0);
        assertThat(s.score()).isEqualTo(21);
        assertThat(s.formulaVersion()).isEqualTo("MELD-Na/OPTN-2016");
    }

    @Test
    void meldNaCaseSensitiveToEachSodiumCoefficient() {
        // Chosen so that the unrounded value sits near .5 and a wrong coefficient flips the result.
        // bili 2, INR 1.5, Cr 2, Na 127: raw = 0.66334 + 0.26201 + 0.45412 + 0.643 = 2.02247 → 20
        // 20 + 1.32·10 − 0.033·20·10 = 20 + 13.2 − 6.6 = 26.6 → 27 (1.30 would give 26.4 → 26)
        MeldScore s = Meld.meldNa(labs(2.0, 1.5, 2.0, 127, 3.0, false, Sex.MALE));
        assertThat(s.meldI()).isEqualTo(20.0);
        assertThat(s.score()).isEqualTo(27);
    }

    @Test
    void meldNaFloorsLabValuesAtOneAndScoreAtSix() {
        // bili 0.5→1, INR 0.9→1, Cr 0.7→1: raw = 0.643 → 0.6 → 6; not > 11 so no Na term; min 6.
        MeldScore s = Meld.meldNa(labs(0.5, 0.9, 0.7, 140, 4.0, false, Sex.MALE));
        assertThat(s.meldI()).isEqualTo(6.0);
        assertThat(s.score()).isEqualTo(6);
    }

    @Test
    void meldNaBoundsSodiumTo125() {
        // bili 5, INR 2, Cr 1, Na 120→125: raw = 0.378·ln5 + 1.120·ln2 + 0.643
        //   = 0.60837 + 0.77632 + 0.643 = 2.02769 → 2.0 → 20
        // 20 + 1.32·12 − 0.033·20·12 = 20 + 15.84 − 7.92 = 27.92 → 28
        assertThat(Meld.meldNa(labs(5.0, 2.0, 1.0, 120, 3.0, false, Sex.MALE)).score())
                .isEqualTo(28);
        assertThat(Meld.meldNa(labs(5.0, 2.0, 1.0, 125, 3.0, false, Sex.MALE)).score())
                .isEqualTo(28);
    }

    @Test
    void meldNaSetsCreatinineToFourAfterDialysis() {
        // bili 3, INR 1.8, Cr 2.5 but dialysed → 4.0: raw = 0.957·ln4 + 0.378·ln3 + 1.120·ln1.8 +
        // 0.643
        //   = 1.32669 + 0.41528 + 0.65831 + 0.643 = 3.04328 → 3.0 → 30
        // Na 128: 30 + 1.32·9 − 0.033·30·9 = 30 + 11.88 − 8.91 = 32.97 → 33
        assertThat(Meld.meldNa(labs(3.0, 1.8, 2.5, 128, 3.0, true, Sex.MALE)).score())
                .isEqualTo(33);
    }

    @Test
    void meldNaCapsAtForty() {
        // bili 30, INR 5, Cr 6→4: raw = 1.32669 + 1.28565 + 1.80256 + 0.643 = 5.0579 → 51 → cap 40;
        // at MELD(i) 40 the sodium term is 1.32·12 − 0.033·40·12 = 0 → 40.
        assertThat(Meld.meldNa(labs(30, 5, 6, 125, 3.0, false, Sex.MALE)).score()).isEqualTo(40);
    }

    @Test
    void meld30TypicalCandidateFemaleAndMale() {
        // bili 2.0, INR 1.5, Cr 1.2, Na 130, albumin 3.0:
        // 4.56·ln2 = 3.16076; 0.82·7 = 5.74; −0.24·7·ln2 = −1.16449; 9.09·ln1.5 = 3.68569;
        // 11.14·ln1.2 = 2.03105; 1.85·0.5 = 0.925; −1.83·0.5·ln1.2 = −0.16682; +6
        // male = 20.2112 → 20; female adds 1.33 = 21.5412 → 22
        assertThat(Meld.meld30(labs(2.0, 1.5, 1.2, 130, 3.0, false, Sex.MALE)).score())
                .isEqualTo(20);
        MeldScore female = Meld.meld30(labs(2.0, 1.5, 1.2, 130, 3.0, false, Sex.FEMALE));
        assertThat(female.score()).isEqualTo(22);
        assertThat(female.formulaVersion()).isEqualTo("MELD3.0/Kim-2021");
    }

    @Test
    void meld30AppliesEveryBound() {
        // bili 5, INR 2, Cr 4→3.0, Na 120→125, albumin 1.0→1.5, female:
        // 1.33 + 4.56·ln5 (7.33898) + 0.82·12 (9.84) − 0.24·12·ln5 (−4.63516) + 9.09·ln2 (6.30068)
        // + 11.14·ln3 (12.23839) + 1.85·2 (3.7) − 1.83·2·ln3 (−4.02087) + 6 = 38.0922 → 38
        assertThat(Meld.meld30(labs(5, 2, 4, 120, 1.0, false, Sex.FEMALE)).score()).isEqualTo(38);
        // Healthy values: all log terms 0, Na and albumin gaps 0 → 6.
        assertThat(Meld.meld30(labs(0.5, 0.9, 0.7, 140, 4.0, false, Sex.MALE)).score())
                .isEqualTo(6);
    }

    @Test
    void meld30NeedsAlbumin() {
        LiverLabs noAlbumin = new LiverLabs(2, 1.5, 1.2, 130, null, false, Sex.MALE);
        assertThatThrownBy(() -> Meld.meld30(noAlbumin))
                .isInstanceOf(InvalidClinicalValueException.class)
                .extracting(e -> ((InvalidClinicalValueException) e).field())
                .isEqualTo("albumin");
    }

    @Test
    void implausibleLabValuesAreRejectedNamingFieldAndRange() {
        assertThatThrownBy(() -> labs(2, 25, 1, 130, 3, false, Sex.MALE))
                .hasMessage("inr must be between 0.5 and 20 (was 25)");
        assertThatThrownBy(() -> labs(2, 1.5, 1, 99, 3, false, Sex.MALE))
                .isInstanceOf(InvalidClinicalValueException.class)
                .hasMessageContaining("sodium must be between 100 and 180 mmol/L");
    }

    static LiverLabs labs(
            double bili, double inr, double cr, double na, double alb, boolean dialysis, Sex sex) {
        return new LiverLabs(bili, inr, cr, na, alb, dialysis, sex);
    }
}
