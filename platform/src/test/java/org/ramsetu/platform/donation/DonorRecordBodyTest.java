package org.ramsetu.platform.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Kdri;
import org.ramsetu.core.scores.KidneyDonorFactors;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.registry.common.HlaBody;
import org.ramsetu.platform.registry.common.Measurement;
import org.ramsetu.platform.registry.patients.HospitalBody;

class DonorRecordBodyTest {

    static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    static DonorRecordBody adult(String causeOfDeath, String pathway) {
        return new DonorRecordBody(
                52,
                "MALE",
                170.0,
                80.0,
                "O+",
                new HlaBody(List.of("A2", "A24"), List.of("B7", "B44"), List.of("DR15")),
                causeOfDeath,
                pathway,
                Measurement.of(1.8, "mg/dL"),
                true,
                false,
                new DonorRecordBody.SerologyBody("NEGATIVE", "NEGATIVE", "PENDING"),
                Instant.parse("2026-12-05T03:10:00Z"),
                new HospitalBody(
                        "Sassoon General Hospital", "Pune", "Maharashtra", 18.5196, 73.8711),
                List.of("KIDNEY", "LIVER"));
    }

    @Test
    void strokeAndCirculatoryDeathRaiseKdriByBothTheirTerms() {
        DonorRecord other = adult("HEAD_TRAUMA", "DBD").toRecord("record", NOW);
        DonorRecord strokeDcd = adult("CEREBROVASCULAR", "DCD").toRecord("record", NOW);

        KidneyDonorFactors factors = strokeDcd.kdriFactors();
        double ratio =
                Kdri.compute(factors).kdriRao() / Kdri.compute(other.kdriFactors()).kdriRao();

        assertThat(factors.causeOfDeathCva()).isTrue();
        assertThat(factors.dcd()).isTrue();
        assertThat(other.kdriFactors().causeOfDeathCva()).isFalse();
        assertThat(other.kdriFactors().dcd()).isFalse();
        // The two terms the pledge-based KDRI left out: e^(0.0743 + 0.1966) ≈ 1.311, the 24 % by
        // which a pledge understated a stroke death after circulatory death.
        assertThat(ratio).isCloseTo(Math.exp(0.0743 + 0.1966), Offset.offset(1e-9));
        assertThat(factors.creatinineMgDl()).isEqualTo(1.8);
        assertThat(factors.hypertension()).isTrue();
    }

    @Test
    void aChildIsADonorWithKdriFromThePaediatricTerm() {
        DonorRecordBody child =
                new DonorRecordBody(
                        4,
                        "FEMALE",
                        104.0,
                        16.5,
                        "A-",
                        new HlaBody(List.of("A1"), List.of("B8", "B35"), List.of("DR3", "DR4")),
                        "ANOXIA",
                        "DBD",
                        Measurement.of(27, "µmol/L"),
                        false,
                        false,
                        new DonorRecordBody.SerologyBody("NEGATIVE", "NEGATIVE", "NEGATIVE"),
                        Instant.parse("2026-12-05T03:10:00Z"),
                        new HospitalBody("KEM Hospital", "Mumbai", "Maharashtra", 19.0, 72.84),
                        List.of("KIDNEY", "HEART", "CORNEA"));

        DonorRecord record = child.toRecord("record", NOW);
        KidneyRisk risk = KidneyRisk.of(record, PercentileTable.kdpiBundled());

        assertThat(record.ageYears()).isEqualTo(4);
        assertThat(record.terminalCreatinineMgDl()).isCloseTo(27 / 88.4, Offset.offset(1e-9));
        assertThat(record.organsConsented())
                .containsExactlyInAnyOrder(Organ.KIDNEY, Organ.HEART, Organ.CORNEA);
        assertThat(risk.unknownBecause()).isNull();
        assertThat(risk.kdpi()).isNotNull().isBetween(0, 100);
        assertThat(risk.formulaVersion()).isEqualTo(Kdri.VERSION);
        assertThat(risk.tableVersion()).isNotBlank();
        // By hand from the OPTN guide's formula, with its term for donors under 18:
        // 0.0092(4−40) + 0.0113(4−18) − 0.0557(104−170)/10 − 0.0333(16.5−80)/5
        // + 0.2128(27/88.4 − 1) = 0.153325, and e^0.153325 = 1.165704.
        assertThat(risk.kdri()).isCloseTo(1.165704, Offset.offset(1e-6));
    }

    @Test
    void everyWrongFieldIsNamedInOneRefusal() {
        DonorRecordBody wrong =
                new DonorRecordBody(
                        140,
                        "X",
                        null,
                        80.0,
                        "Q+",
                        new HlaBody(List.of("B7"), List.of("B8"), List.of("DR1")),
                        "FALL",
                        "DBD",
                        Measurement.of(1.0, "mmol/L"),
                        null,
                        false,
                        new DonorRecordBody.SerologyBody("NEGATIVE", "MAYBE", null),
                        Instant.parse("2026-12-06T08:00:00Z"),
                        null,
                        List.of("KIDNEY", "KIDNEY"));

        assertThatThrownBy(() -> wrong.toRecord("record", NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused ->
                                assertThat(refused.fieldErrors().keySet())
                                        .containsExactly(
                                                "record.ageYears",
                                                "record.sex",
                                                "record.heightCm",
                                                "record.bloodGroup",
                                                "record.hla.a",
                                                "record.causeOfDeath",
                                                "record.terminalCreatinine.unit",
                                                "record.hypertension",
                                                "record.serology.hbv",
                                                "record.serology.hiv",
                                                "record.declaredDeadAt",
                                                "record.hospital",
                                                "record.organsConsented"));
    }

    @Test
    void aRecordOutsideKdrisRangesSaysWhyKdpiIsUnknown() {
        DonorRecordBody tall =
                new DonorRecordBody(
                        30,
                        "MALE",
                        245.0,
                        120.0,
                        "B+",
                        new HlaBody(List.of("A2"), List.of("B7"), List.of("DR15")),
                        "HEAD_TRAUMA",
                        "DBD",
                        Measurement.of(0.9, "mg/dL"),
                        false,
                        false,
                        new DonorRecordBody.SerologyBody("NEGATIVE", "NEGATIVE", "NEGATIVE"),
                        Instant.parse("2026-12-05T03:10:00Z"),
                        new HospitalBody("AIIMS", "New Delhi", "Delhi", 28.57, 77.21),
                        List.of("KIDNEY"));

        KidneyRisk risk =
                KidneyRisk.of(tall.toRecord("record", NOW), PercentileTable.kdpiBundled());

        assertThat(risk.kdpi()).isNull();
        assertThat(risk.factors()).isNull();
        assertThat(risk.unknownBecause()).contains("height");
    }

    @Test
    void anAmendmentNamesTheFieldsItChanged() {
        DonorRecord before = adult("HEAD_TRAUMA", "DBD").toRecord("record", NOW);
        DonorRecord after = adult("CEREBROVASCULAR", "DBD").toRecord("record", NOW);

        assertThat(after.changedFrom(before)).containsExactly("causeOfDeath");
        assertThat(before.changedFrom(before)).isEmpty();
    }
}
