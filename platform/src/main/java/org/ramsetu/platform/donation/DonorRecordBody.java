package org.ramsetu.platform.donation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.Require;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.kernel.FieldChecks;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.registry.common.HlaBody;
import org.ramsetu.platform.registry.common.LabUnits;
import org.ramsetu.platform.registry.common.Measurement;
import org.ramsetu.platform.registry.patients.Hospital;
import org.ramsetu.platform.registry.patients.HospitalBody;

/**
 * The donor record in requests and responses. Every field is required; a request missing or getting
 * several wrong is refused once, naming all of them.
 *
 * @param sex {@code FEMALE} or {@code MALE}
 * @param causeOfDeath {@code CEREBROVASCULAR} (stroke), {@code HEAD_TRAUMA}, {@code ANOXIA}, {@code
 *     CNS_TUMOUR} or {@code OTHER}
 * @param pathway {@code DBD} (after brain death) or {@code DCD} (after circulatory death)
 * @param terminalCreatinine the last serum creatinine before recovery, mg/dL or µmol/L (0.01–40
 *     mg/dL); responses give mg/dL
 * @param organsConsented {@code KIDNEY}, {@code LIVER}, {@code HEART}, {@code CORNEA}: what the
 *     consent covers
 */
public record DonorRecordBody(
        @Nullable @Schema(minimum = "0", maximum = "" + DonorRecord.MAX_AGE_YEARS, example = "52")
                Integer ageYears,
        @Nullable @Schema(example = "MALE") String sex,
        @Nullable
                @Schema(
                        minimum = "" + DonorRecord.MIN_HEIGHT_CM,
                        maximum = "" + DonorRecord.MAX_HEIGHT_CM,
                        example = "170")
                Double heightCm,
        @Nullable
                @Schema(
                        minimum = "" + DonorRecord.MIN_WEIGHT_KG,
                        maximum = "" + DonorRecord.MAX_WEIGHT_KG,
                        example = "80")
                Double weightKg,
        @Nullable @Schema(example = "O+") String bloodGroup,
        @Nullable HlaBody hla,
        @Nullable @Schema(example = "CEREBROVASCULAR") String causeOfDeath,
        @Nullable @Schema(example = "DCD") String pathway,
        @Nullable Measurement terminalCreatinine,
        @Nullable Boolean hypertension,
        @Nullable Boolean diabetes,
        @Nullable SerologyBody serology,
        @Nullable @Schema(example = "2026-12-05T03:10:00Z") Instant declaredDeadAt,
        @Nullable HospitalBody hospital,
        @Nullable @Schema(example = "[\"KIDNEY\", \"LIVER\"]") List<String> organsConsented) {

    /** How far a clock at the bedside may run ahead of ours before a time counts as future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * @param hcv hepatitis C antibody or NAT: {@code NEGATIVE}, {@code POSITIVE} or {@code PENDING}
     * @param hbv hepatitis B surface antigen
     * @param hiv HIV-1/2 antibody or NAT
     */
    public record SerologyBody(
            @Nullable @Schema(example = "NEGATIVE") String hcv,
            @Nullable @Schema(example = "NEGATIVE") String hbv,
            @Nullable @Schema(example = "NEGATIVE") String hiv) {}

    /**
     * @param field the path of this object in the request, for error messages; empty when it is the
     *     whole body
     * @param now the server's time: a death cannot be declared in the future
     * @throws org.ramsetu.platform.kernel.DomainException InvalidInput naming every wrong field
     */
    DonorRecord toRecord(String field, Instant now) {
        String at = field.isEmpty() ? "" : field + ".";
        FieldChecks checks = new FieldChecks();
        Integer age =
                checks.check(
                        () ->
                                Require.inRange(
                                        at + "ageYears",
                                        Fields.required(at + "ageYears", ageYears),
                                        0,
                                        DonorRecord.MAX_AGE_YEARS,
                                        "years"));
        Sex checkedSex = checks.check(() -> Fields.requiredEnum(at + "sex", sex, Sex.class));
        Double height =
                checks.check(
                        () ->
                                Require.inRange(
                                        at + "heightCm",
                                        Fields.required(at + "heightCm", heightCm),
                                        DonorRecord.MIN_HEIGHT_CM,
                                        DonorRecord.MAX_HEIGHT_CM,
                                        "cm"));
        Double weight =
                checks.check(
                        () ->
                                Require.inRange(
                                        at + "weightKg",
                                        Fields.required(at + "weightKg", weightKg),
                                        DonorRecord.MIN_WEIGHT_KG,
                                        DonorRecord.MAX_WEIGHT_KG,
                                        "kg"));
        BloodGroup group =
                checks.check(
                        () ->
                                Fields.renamed(
                                        at + "bloodGroup",
                                        () ->
                                                BloodGroup.parse(
                                                        Fields.required(
                                                                at + "bloodGroup", bloodGroup))));
        HlaTyping typing =
                checks.check(() -> Fields.required(at + "hla", hla).toTyping(at + "hla"));
        CauseOfDeath cause =
                checks.check(
                        () ->
                                Fields.requiredEnum(
                                        at + "causeOfDeath", causeOfDeath, CauseOfDeath.class));
        DonationPathway checkedPathway =
                checks.check(
                        () -> Fields.requiredEnum(at + "pathway", pathway, DonationPathway.class));
        Double creatinine =
                checks.check(
                        () ->
                                Require.inRange(
                                        at + "terminalCreatinine.value",
                                        LabUnits.creatinineMgDl(
                                                at + "terminalCreatinine",
                                                Fields.required(
                                                        at + "terminalCreatinine",
                                                        terminalCreatinine)),
                                        DonorRecord.MIN_CREATININE_MG_DL,
                                        DonorRecord.MAX_CREATININE_MG_DL,
                                        "mg/dL"));
        Boolean checkedHypertension =
                checks.check(() -> Fields.required(at + "hypertension", hypertension));
        Boolean checkedDiabetes = checks.check(() -> Fields.required(at + "diabetes", diabetes));
        DonorRecord.Serology checkedSerology = serology(checks, at + "serology");
        Instant dead = checks.check(() -> past(at + "declaredDeadAt", declaredDeadAt, now));
        Hospital place =
                checks.check(
                        () ->
                                Fields.required(at + "hospital", hospital)
                                        .toHospital(at + "hospital"));
        Set<Organ> organs =
                checks.check(() -> organs(at + "organsConsented", organsConsented, false));
        checks.done();
        return new DonorRecord(
                age,
                checkedSex,
                height,
                weight,
                group,
                typing,
                cause,
                checkedPathway,
                creatinine,
                checkedHypertension,
                checkedDiabetes,
                checkedSerology,
                dead,
                place,
                organs);
    }

    private DonorRecord.@Nullable Serology serology(FieldChecks checks, String field) {
        if (serology == null) {
            checks.refuse(field, "is required (hcv, hbv and hiv; PENDING until reported)");
            return null;
        }
        SerologyResult hcv = result(checks, field + ".hcv", serology.hcv());
        SerologyResult hbv = result(checks, field + ".hbv", serology.hbv());
        SerologyResult hiv = result(checks, field + ".hiv", serology.hiv());
        return new DonorRecord.Serology(hcv, hbv, hiv);
    }

    private static SerologyResult result(FieldChecks checks, String field, String text) {
        return checks.check(() -> Fields.requiredEnum(field, text, SerologyResult.class));
    }

    /**
     * @throws org.ramsetu.platform.kernel.DomainException InvalidInput for a time ahead of ours
     */
    static Instant past(String field, Instant time, Instant now) {
        Fields.required(field, time);
        if (time.isAfter(now.plus(CLOCK_SKEW))) {
            throw InvalidInput.field(field, "must not be in the future");
        }
        return time;
    }

    /**
     * Organ names as a set; an organ named twice is a typing error, not a second consent.
     *
     * @param mayBeEmpty whether no organ at all is an answer (a recovery can find none usable)
     */
    static Set<Organ> organs(String field, List<String> names, boolean mayBeEmpty) {
        return Fields.requiredEnumSet(field, names, Organ.class, "organ", mayBeEmpty);
    }

    static DonorRecordBody of(DonorRecord r) {
        return new DonorRecordBody(
                r.ageYears(),
                r.sex().name(),
                r.heightCm(),
                r.weightKg(),
                r.bloodGroup().toString(),
                HlaBody.of(r.hla()),
                r.causeOfDeath().name(),
                r.pathway().name(),
                Measurement.of(r.terminalCreatinineMgDl(), LabUnits.MG_DL),
                r.hypertension(),
                r.diabetes(),
                new SerologyBody(
                        r.serology().hcv().name(),
                        r.serology().hbv().name(),
                        r.serology().hiv().name()),
                r.declaredDeadAt(),
                HospitalBody.of(r.hospital()),
                organNames(r.organsConsented()));
    }

    static List<String> organNames(Set<Organ> organs) {
        return organs.stream().sorted().map(Organ::name).toList();
    }
}
