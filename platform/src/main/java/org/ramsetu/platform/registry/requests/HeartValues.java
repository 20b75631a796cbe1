package org.ramsetu.platform.registry.requests;

import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.platform.registry.common.Fields;

/**
 * The heart candidate's urgency.
 *
 * @param statusTier adult heart status (OPTN Policy 6, 2018): 1 most urgent … 6; 7 inactive
 */
public record HeartValues(Integer statusTier) implements ClinicalValues {

    HeartStatus status() {
        Integer tier = Fields.required("heart.statusTier", statusTier);
        return Fields.renamed("heart.statusTier", () -> HeartStatus.of(tier));
    }
}
