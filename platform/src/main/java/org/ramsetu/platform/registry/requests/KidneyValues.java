package org.ramsetu.platform.registry.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.springframework.modulith.NamedInterface;

/**
 * The kidney candidate's facts behind EPTS.
 *
 * @param dialysisStartDate first maintenance dialysis; absent when not on dialysis
 * @param diabetes required
 * @param priorTransplant any earlier solid organ transplant; required
 */
@NamedInterface("requests")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KidneyValues(
        @Nullable LocalDate dialysisStartDate, Boolean diabetes, Boolean priorTransplant)
        implements ClinicalValues {

    /**
     * @param dateOfBirth the patient's, from the profile
     * @param listedOn the day of listing
     */
    KidneyValues checked(LocalDate dateOfBirth, LocalDate listedOn) {
        Fields.required("kidney.diabetes", diabetes);
        Fields.required("kidney.priorTransplant", priorTransplant);
        if (dialysisStartDate != null) {
            if (dialysisStartDate.isAfter(listedOn)) {
                throw InvalidInput.field("kidney.dialysisStartDate", "must not be in the future");
            }
            if (dialysisStartDate.isBefore(dateOfBirth)) {
                throw InvalidInput.field(
                        "kidney.dialysisStartDate",
                        "must be after the patient's date of birth (" + dateOfBirth + ")");
            }
        }
        return this;
    }
}
