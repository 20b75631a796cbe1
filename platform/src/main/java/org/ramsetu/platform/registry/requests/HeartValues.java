package org.ramsetu.platform.registry.requests;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.platform.kernel.Fields;
import org.springframework.modulith.NamedInterface;

/**
 * The heart candidate's urgency.
 *
 * @param statusTier adult heart status (OPTN Policy 6, 2018): 1 most urgent … 6; 7 inactive
 */
@NamedInterface("requests")
public record HeartValues(
        // The codes of HeartStatus; RequestBoundsIntegrationTest holds the API to them.
        @Schema(minimum = "1", maximum = "7", example = "2") Integer statusTier)
        implements ClinicalValues {

    HeartStatus status() {
        Integer tier = Fields.required("heart.statusTier", statusTier);
        return Fields.renamed("heart.statusTier", () -> HeartStatus.of(tier));
    }
}
