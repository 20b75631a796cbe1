package org.ramsetu.platform.registry.donors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.kernel.Fields;

/**
 * A donor's medical history in requests and responses.
 *
 * @param notes other conditions, medicines, surgery (at most 4,000 characters)
 */
public record MedicalHistoryBody(
        Boolean hypertension,
        Boolean diabetes,
        @Schema(maxLength = MAX_NOTES, example = "appendectomy in 2010") @Nullable String notes) {

    static final int MAX_NOTES = 4000;

    MedicalHistory toHistory() {
        return new MedicalHistory(
                Fields.required("medicalHistory.hypertension", hypertension),
                Fields.required("medicalHistory.diabetes", diabetes),
                Fields.optionalText("medicalHistory.notes", notes, MAX_NOTES));
    }

    static MedicalHistoryBody of(MedicalHistory history) {
        return new MedicalHistoryBody(history.hypertension(), history.diabetes(), history.notes());
    }
}
