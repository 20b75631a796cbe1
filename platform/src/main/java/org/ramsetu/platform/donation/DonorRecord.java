package org.ramsetu.platform.donation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.KidneyDonorFactors;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.registry.patients.Hospital;

/**
 * The clinical facts of a deceased donor that allocation needs, checked, in canonical units. This
 * is the record KDRI/KDPI and, later, organ offers work from; a pledge never stands in for it.
 *
 * @param ageYears completed years at death; children are donors too
 * @param terminalCreatinineMgDl the last serum creatinine before recovery
 * @param declaredDeadAt when death was declared (brain death or circulatory death)
 * @param hospital where the donor is: where recovered organs travel from
 * @param organsConsented what the consent covers, never empty
 */
public record DonorRecord(
        int ageYears,
        Sex sex,
        double heightCm,
        double weightKg,
        BloodGroup bloodGroup,
        HlaTyping hla,
        CauseOfDeath causeOfDeath,
        DonationPathway pathway,
        double terminalCreatinineMgDl,
        boolean hypertension,
        boolean diabetes,
        Serology serology,
        Instant declaredDeadAt,
        Hospital hospital,
        Set<Organ> organsConsented) {

    // Limits of what can be true of a deceased donor; KDRI's own limits are narrower (age ≤ 99,
    // height ≤ 241.3 cm, weight ≤ 294 kg) and a record outside them gets "KDPI unknown".
    static final int MAX_AGE_YEARS = 110;
    static final double MIN_HEIGHT_CM = 30;
    static final double MAX_HEIGHT_CM = 250;
    static final double MIN_WEIGHT_KG = 0.5;
    static final double MAX_WEIGHT_KG = 300;
    static final double MIN_CREATININE_MG_DL = 0.01;
    static final double MAX_CREATININE_MG_DL = 40;

    public DonorRecord {
        organsConsented = Set.copyOf(organsConsented);
    }

    /** The hepatitis C, hepatitis B (HBsAg) and HIV results. */
    public record Serology(SerologyResult hcv, SerologyResult hbv, SerologyResult hiv) {}

    /**
     * The names of the fields (as the API spells them) that differ from an earlier record: what an
     * amendment's audit entry says it changed. The values stay in the record, not in the log.
     */
    public List<String> changedFrom(DonorRecord before) {
        List<String> changed = new ArrayList<>();
        note(changed, "ageYears", before.ageYears, ageYears);
        note(changed, "sex", before.sex, sex);
        note(changed, "heightCm", before.heightCm, heightCm);
        note(changed, "weightKg", before.weightKg, weightKg);
        note(changed, "bloodGroup", before.bloodGroup, bloodGroup);
        note(changed, "hla", before.hla, hla);
        note(changed, "causeOfDeath", before.causeOfDeath, causeOfDeath);
        note(changed, "pathway", before.pathway, pathway);
        note(changed, "terminalCreatinine", before.terminalCreatinineMgDl, terminalCreatinineMgDl);
        note(changed, "hypertension", before.hypertension, hypertension);
        note(changed, "diabetes", before.diabetes, diabetes);
        note(changed, "serology", before.serology, serology);
        note(changed, "declaredDeadAt", before.declaredDeadAt, declaredDeadAt);
        note(changed, "hospital", before.hospital, hospital);
        note(changed, "organsConsented", before.organsConsented, organsConsented);
        return changed;
    }

    private static void note(List<String> changed, String field, Object was, Object is) {
        if (!Objects.equals(was, is)) {
            changed.add(field);
        }
    }

    /**
     * The factors of the 2024 KDRI refit as this record gives them: stroke is the only cause of
     * death KDRI counts, DCD the only pathway. Race and hepatitis C left the formula in the refit;
     * HCV stays on the record as serology.
     *
     * @throws org.ramsetu.core.InvalidClinicalValueException outside KDRI's ranges
     */
    public KidneyDonorFactors kdriFactors() {
        return new KidneyDonorFactors(
                ageYears,
                heightCm,
                weightKg,
                hypertension,
                diabetes,
                causeOfDeath == CauseOfDeath.CEREBROVASCULAR,
                terminalCreatinineMgDl,
                pathway == DonationPathway.DCD);
    }
}
