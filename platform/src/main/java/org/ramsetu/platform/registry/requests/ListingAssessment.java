package org.ramsetu.platform.registry.requests;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.scores.Epts;
import org.ramsetu.core.scores.EptsFactors;
import org.ramsetu.core.scores.EptsResult;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Meld;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.registry.common.Demographics;
import org.springframework.modulith.NamedInterface;

/**
 * Checks the clinical values of a new transplant request and computes its scores with the clinical
 * core: MELD-Na and MELD 3.0 (livers), EPTS (adult kidney candidates), status tier (hearts).
 */
@NamedInterface("requests")
public final class ListingAssessment {

    /** EPTS is defined for adult candidates (OPTN EPTS guide). */
    static final int EPTS_MINIMUM_AGE = 18;

    private final PercentileTable eptsTable;

    public ListingAssessment(PercentileTable eptsTable) {
        this.eptsTable = eptsTable;
    }

    /** The checked values in canonical units and the scores computed from them. */
    public record Assessed(ClinicalValues values, ClinicalScores scores) {}

    /**
     * @param person the patient's profile facts (sex for MELD 3.0, age for EPTS)
     * @throws DomainException InvalidInput naming the field of a missing or invalid value, or of
     *     values given for another organ
     */
    public Assessed assess(
            Organ organ, OrganValues request, Demographics person, LocalDate listedOn) {
        refuseOtherOrgans(organ, request);
        return switch (organ) {
            case LIVER -> liver(Fields.required("liver", request.liver()), person);
            case KIDNEY -> kidney(Fields.required("kidney", request.kidney()), person, listedOn);
            case HEART -> heart(Fields.required("heart", request.heart()));
            case CORNEA ->
                    new Assessed(
                            Fields.required("cornea", request.cornea()).checked(),
                            ClinicalScores.NONE);
        };
    }

    private static Assessed liver(LiverValues values, Demographics person) {
        LiverLabs labs = values.labs(person.sex());
        return new Assessed(
                LiverValues.of(labs),
                new ClinicalScores(Meld.meldNa(labs), Meld.meld30(labs), null, null));
    }

    private Assessed kidney(KidneyValues values, Demographics person, LocalDate listedOn) {
        KidneyValues checked = values.checked(person.dateOfBirth(), listedOn);
        double age = person.exactAgeOn(listedOn);
        if (age < EPTS_MINIMUM_AGE) {
            return new Assessed(checked, ClinicalScores.NONE);
        }
        Double yearsOnDialysis =
                checked.dialysisStartDate() == null
                        ? null
                        : ChronoUnit.DAYS.between(checked.dialysisStartDate(), listedOn) / 365.25;
        EptsFactors factors;
        try {
            factors =
                    new EptsFactors(
                            age, checked.diabetes(), checked.priorTransplant(), yearsOnDialysis);
        } catch (InvalidClinicalValueException e) {
            // The core names its own inputs; the caller knows them as these fields.
            String field =
                    e.field().endsWith("yearsOnDialysis")
                            ? "kidney.dialysisStartDate"
                            : "dateOfBirth";
            throw new InvalidClinicalValueException(field, e.getMessage());
        }
        EptsResult epts = Epts.compute(factors, eptsTable);
        return new Assessed(checked, new ClinicalScores(null, null, epts, null));
    }

    private static Assessed heart(HeartValues values) {
        HeartStatus status = values.status();
        return new Assessed(
                new HeartValues(status.code()), new ClinicalScores(null, null, null, status));
    }

    private static void refuseOtherOrgans(Organ organ, OrganValues request) {
        Map<Organ, Object> given = new LinkedHashMap<>();
        given.put(Organ.LIVER, request.liver());
        given.put(Organ.KIDNEY, request.kidney());
        given.put(Organ.HEART, request.heart());
        given.put(Organ.CORNEA, request.cornea());
        given.forEach(
                (other, values) -> {
                    if (other != organ && values != null) {
                        throw InvalidInput.field(
                                other.name().toLowerCase(Locale.ROOT),
                                "a "
                                        + organ
                                        + " request takes "
                                        + organ.name().toLowerCase(Locale.ROOT)
                                        + " values only");
                    }
                });
    }
}
