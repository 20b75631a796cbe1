package org.ramsetu.core.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KidneyScoresTest {

    @Test
    void kdriReferenceDonorIsOneAndScalesByTheMedian() {
        // Rao reference donor (age 40, 170 cm, 80 kg, no risk factors, Cr 1.0, DBD): xβ = 0 → 1.0.
        KdriResult r =
                Kdri.compute(new KidneyDonorFactors(40, 170, 80, false, false, false, 1.0, false));
        assertThat(r.kdriRao()).isCloseTo(1.0, within(1e-12));
        assertThat(r.kdriMedian()).isCloseTo(1.0 / 1.30900852563932, within(1e-12));
        assertThat(r.formulaVersion()).isEqualTo("KDRI/OPTN-2024-refit");
    }

    @Test
    void kdriWorkedExampleFromThePublicSasMacroDatalines() {
        // Donor from the example datalines of a public KDPI SAS macro (2024 formula): age 52, 183
        // cm,
        // 81 kg, hypertensive, not diabetic, CVA death, Cr 1.7, DCD. Computed by hand (OPTN guide
        // Table 1):
        // 0.0092·12 = 0.1104; 0.0067·2 = 0.0134; −0.0557·1.3 = −0.07241; weight ≥ 80 → 0;
        // HTN 0.1106; CVA 0.0743; 0.2128·0.7 = 0.14896; −0.2199·0.2 = −0.04398; DCD 0.1966
        // xβ = 0.53787 → KDRI_Rao = e^0.53787 = 1.71236; ÷ 1.30900852563932 = 1.30813
        KdriResult r =
                Kdri.compute(new KidneyDonorFactors(52, 183, 81, true, false, true, 1.7, true));
        assertThat(r.kdriRao()).isCloseTo(1.71236, within(1e-5));
        assertThat(r.kdriMedian()).isCloseTo(1.30813, within(1e-5));
    }

    @Test
    void kdriPaediatricDonorUsesTheUnder18Term() {
        // age 10, 140 cm, 30 kg, Cr 0.5: 0.0092·(−30) = −0.276; 0.0113·(−8) = −0.0904;
        // −0.0557·(−3) = 0.1671; −0.0333·(−50/5) = 0.333; 0.2128·(−0.5) = −0.1064 → xβ = 0.0273
        KdriResult r =
                Kdri.compute(new KidneyDonorFactors(10, 140, 30, false, false, false, 0.5, false));
        assertThat(r.kdriRao()).isCloseTo(Math.exp(0.0273), within(1e-9));
    }

    @Test
    void kdpiLooksUpTheVersionedTableAndSaysItIsProvisional() {
        PercentileTable table = PercentileTable.kdpiBundled();
        assertThat(table.lookup(1.0).percentile()).isEqualTo(50); // median donor by construction
        assertThat(table.lookup(0.3).percentile()).isEqualTo(0);
        assertThat(table.lookup(5.0).percentile()).isEqualTo(100);
        // 1.30813 is above the 76 % bound (1.30796) and below the 77 % bound (1.32331)
        assertThat(table.lookup(1.30813).percentile()).isEqualTo(77);
        PercentileResult r = table.lookup(0.75);
        assertThat(r.percentile()).isEqualTo(21);
        assertThat(r.tableVersion()).startsWith("KDPI-map/");
        assertThat(r.provisional()).isTrue();
    }

    @Test
    void eptsRawMatchesTheTransplantrDocumentedExamples() {
        // Expected values are those printed next to transplantr::raw_epts examples (R/epts.R),
        // re-derived by hand from the OPTN EPTS guide formula:
        // 1) age 23.58 (<25 → 0), prior tx 0.398, dialysis 5.0815 y: 0.315·ln(6.0815) = 0.56865 →
        // 0.96665
        assertThat(Epts.raw(new EptsFactors(23.5838467, false, true, 5.0814511)))
                .isCloseTo(0.9666517, within(1e-6));
        // 2) age 52.88, not on dialysis: 0.047·27.8789 = 1.31031 + 0.130 = 1.44031
        assertThat(Epts.raw(new EptsFactors(52.8788501, false, false, null)))
                .isCloseTo(1.440306, within(1e-6));
        // 3) diabetic, prior tx, 6.87 y dialysis: 0.398 − 0.237 + (0.315 − 0.099)·ln(7.8747) +
        // 1.262 = 1.86875
        assertThat(Epts.raw(new EptsFactors(22.5242984, true, true, 6.8747433)))
                .isCloseTo(1.868751, within(1e-6));
    }

    @Test
    void eptsPercentileFromTheVersionedTable() {
        EptsResult r =
                Epts.compute(
                        new EptsFactors(52.8788501, false, false, null),
                        PercentileTable.eptsBundled());
        // 1.44031 lies between the 17 % bound (1.40054) and the 18 % bound (1.44365) → 18
        assertThat(r.percentile().percentile()).isEqualTo(18);
        assertThat(r.formulaVersion()).isEqualTo("EPTS/OPTN-2014");
        assertThat(r.percentile().provisional()).isTrue();
    }

    @Test
    void aVerifiedTableIsNotProvisionalAndBoundsAreInclusive() throws Exception {
        String text =
                "version=t/1\nmeasure=x\nstatus=VERIFIED\nsource=test\nabove_last=100\n0 1.0\n50 2.0\n99 3.0\n";
        PercentileTable t =
                PercentileTable.load(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(t.lookup(2.0)).isEqualTo(new PercentileResult(50, "t/1", false));
        assertThat(t.lookup(2.0000001).percentile()).isEqualTo(99);
        assertThat(t.lookup(3.1).percentile()).isEqualTo(100);
    }

    @Test
    void heartSizeByWeightOrPredictedHeartMass() {
        // PHM (Kransdorf 2019): male 40 y, 175 cm, 75 kg: LV = 8.25·1.75^0.54·75^0.61 = 155.41,
        // RV = 11.25·40^−0.32·1.75^1.135·75^0.315 = 25.41 → 180.82 g
        BodySize man = new BodySize(40, Sex.MALE, 175, 75);
        assertThat(HeartSize.predictedHeartMassG(man)).isCloseTo(180.82, within(0.01));
        BodySize woman = new BodySize(30, Sex.FEMALE, 160, 60); // PHM 128.91 g
        HeartSizeResult womanToMan = HeartSize.check(woman, man, 0.2);
        assertThat(womanToMan.weightRatio()).isCloseTo(0.8, within(1e-9));
        assertThat(womanToMan.phmRatio()).isCloseTo(128.908 / 180.820, within(1e-3));
        assertThat(womanToMan.acceptable()).isTrue(); // weight within ±20 %
        HeartSizeResult tooSmall = HeartSize.check(new BodySize(30, Sex.FEMALE, 150, 45), man, 0.2);
        assertThat(tooSmall.acceptable()).isFalse();
    }
}
