package org.ramsetu.core.features;

import java.util.List;
import org.ramsetu.core.eligibility.Exclusion;

/**
 * Either a vector (possibly with recorded imputations) or, when a feature that must not be guessed
 * is missing, exclusions and no vector.
 */
public record FeatureResult(
        FeatureVector vector, List<Imputation> imputations, List<Exclusion> exclusions) {
    public FeatureResult {
        imputations = List.copyOf(imputations);
        exclusions = List.copyOf(exclusions);
        if ((vector == null) == exclusions.isEmpty()) {
            throw new IllegalArgumentException(
                    "a feature result has a vector or exclusions, not both");
        }
    }

    public boolean complete() {
        return vector != null;
    }
}
