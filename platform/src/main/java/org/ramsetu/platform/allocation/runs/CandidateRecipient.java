package org.ramsetu.platform.allocation.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The patient of a ranked request as an allocation list shows them: clinical facts only, never a
 * name, contact or hospital (deceased donation is anonymous). Read from the registry when the run
 * is shown, with the age on the day of the run.
 *
 * @param hla the patient's typing; null when not typed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateRecipient(
        UUID requestId,
        int ageYears,
        String sex,
        String bloodGroup,
        double heightCm,
        double weightKg,
        @Nullable String hla) {}
