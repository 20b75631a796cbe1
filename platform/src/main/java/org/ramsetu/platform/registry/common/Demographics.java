package org.ramsetu.platform.registry.common;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.ramsetu.core.Require;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.springframework.modulith.NamedInterface;

/**
 * The personal facts both donor and patient profiles hold, checked: blood group, date of birth, sex
 * (as the clinical formulas use it), height and weight.
 */
@NamedInterface("vocabulary")
public record Demographics(
        BloodGroup bloodGroup, LocalDate dateOfBirth, Sex sex, double heightCm, double weightKg) {

    /** Nobody on the registry is older than this; an earlier date is a typing error. */
    static final int MAX_AGE_YEARS = 120;

    // The ranges of the clinical core's BodySize, in the units the field names carry; the API
    // description states them from these constants.
    public static final int MIN_HEIGHT_CM = 40;
    public static final int MAX_HEIGHT_CM = 250;
    public static final int MIN_WEIGHT_KG = 2;
    public static final int MAX_WEIGHT_KG = 300;

    /** Checks the fields as a profile request names them. */
    public static Demographics of(
            String bloodGroup,
            LocalDate dateOfBirth,
            String sex,
            Double heightCm,
            Double weightKg,
            LocalDate today) {
        Fields.required("bloodGroup", bloodGroup);
        BloodGroup group = BloodGroup.parse(bloodGroup);
        Fields.required("dateOfBirth", dateOfBirth);
        if (dateOfBirth.isAfter(today)) {
            throw InvalidInput.field("dateOfBirth", "must not be in the future");
        }
        if (Period.between(dateOfBirth, today).getYears() > MAX_AGE_YEARS) {
            throw InvalidInput.field(
                    "dateOfBirth", "must be within the last " + MAX_AGE_YEARS + " years");
        }
        Sex checkedSex = Fields.requiredEnum("sex", sex, Sex.class);
        Fields.required("heightCm", heightCm);
        Fields.required("weightKg", weightKg);
        Require.inRange("heightCm", heightCm, MIN_HEIGHT_CM, MAX_HEIGHT_CM, "cm");
        Require.inRange("weightKg", weightKg, MIN_WEIGHT_KG, MAX_WEIGHT_KG, "kg");
        return new Demographics(group, dateOfBirth, checkedSex, heightCm, weightKg);
    }

    /** Completed years on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    /** Years with decimals on {@code day}, as EPTS uses age. */
    public double exactAgeOn(LocalDate day) {
        return ChronoUnit.DAYS.between(dateOfBirth, day) / 365.25;
    }
}
