package org.ramsetu.infra.flags;

import java.util.List;
import java.util.Map;

/**
 * One targeting rule of a flag: it matches when every condition it states holds, and then chooses
 * its {@code variant}. A condition left out (null or empty) matches everything.
 *
 * @param environments the environments ({@code ramsetu.flags.environment}) it applies in
 * @param attributes evaluation context attributes and the values they must have, e.g. {@code centre
 *     → [AIIMS Delhi]} for a transplant centre, or {@code organ → [KIDNEY]}
 * @param percentage share of targeting keys (0–100, fractions allowed) it applies to; a key's
 *     bucket is fixed ({@link Buckets}), so the same pledge always gets the same answer
 */
public record FlagRule(
        List<String> environments,
        Map<String, List<String>> attributes,
        Double percentage,
        String variant) {

    public FlagRule {
        environments = environments == null ? List.of() : List.copyOf(environments);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (variant == null || variant.isBlank()) {
            throw new IllegalArgumentException("a rule must name the variant it chooses");
        }
        if (percentage != null && (percentage < 0 || percentage > 100 || percentage.isNaN())) {
            throw new IllegalArgumentException(
                    "a rule's percentage must be 0 to 100 (was " + percentage + ")");
        }
    }
}
