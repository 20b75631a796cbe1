package org.ramsetu.core.eligibility;

import java.util.List;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.geo.IschaemiaAssessment;
import org.ramsetu.core.hla.HlaMismatch;
import org.ramsetu.core.scores.HeartSizeResult;

/**
 * All hard-filter outcomes for one pair. The computed facts are kept even when excluded, so that
 * the reason can be shown with its numbers.
 *
 * @param hlaMismatch {@code null} unless both typings are known
 * @param ischaemia {@code null} when the limit could not be determined
 * @param heartSize {@code null} unless a heart with both body sizes known
 */
public record EligibilityResult(
        List<Exclusion> exclusions,
        AboMatch abo,
        HlaMismatch hlaMismatch,
        double distanceKm,
        IschaemiaAssessment ischaemia,
        HeartSizeResult heartSize) {

    public EligibilityResult {
        exclusions = exclusions.isEmpty() ? List.of() : List.copyOf(exclusions);
    }

    public boolean eligible() {
        return exclusions.isEmpty();
    }

    public boolean has(ReasonCode code) {
        return exclusions.stream().anyMatch(e -> e.code() == code);
    }

    public boolean nearIschaemiaLimit() {
        return ischaemia != null && ischaemia.nearLimit();
    }
}
