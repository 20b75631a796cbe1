package org.ramsetu.infra.flags;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A flag as stored in {@code feature_flag} (docs/feature-flags.md).
 *
 * @param variants variant name → value (Boolean, String or Number, as JSON reads them)
 * @param defaultVariant chosen when no rule matches; null: the caller's own default
 * @param rules in order; the first that matches chooses the variant
 * @param version raised by every change, so that a reader can tell two states apart
 */
public record FeatureFlag(
        String key,
        String description,
        boolean enabled,
        String defaultVariant,
        Map<String, Object> variants,
        List<FlagRule> rules,
        long version,
        Instant updatedAt,
        String updatedBy) {

    /** A name to type in a command and to index: 1 to 100 characters of a plain alphabet. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * @throws IllegalArgumentException naming the rule (and the start of what was given) when the
     *     text cannot be a flag's key
     */
    public static String checkedKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "a flag key is 1 to 100 letters, digits, dots, hyphens or underscores,"
                            + " starting with a letter or digit (got "
                            + (key == null
                                    ? "none"
                                    : "'"
                                            + key.substring(0, Math.min(key.length(), 40))
                                            + "'"
                                            + (key.length() > 40 ? "…" : ""))
                            + ")");
        }
        return key;
    }

    public FeatureFlag {
        checkedKey(key);
        description = description == null ? "" : description;
        // Insertion order kept: the endpoint shows variants as they were written.
        variants = variants == null ? Map.of() : new LinkedHashMap<>(variants);
        rules = rules == null ? List.of() : List.copyOf(rules);
        for (Object value : variants.values()) {
            if (!(value instanceof Boolean || value instanceof String || value instanceof Number)) {
                throw new IllegalArgumentException(
                        "flag "
                                + key
                                + ": a variant's value must be true/false, a string or a number"
                                + " (was "
                                + value
                                + ")");
            }
        }
        if (defaultVariant != null && !variants.containsKey(defaultVariant)) {
            throw new IllegalArgumentException(
                    "flag " + key + ": defaultVariant " + defaultVariant + " is not a variant");
        }
        for (FlagRule rule : rules) {
            if (!variants.containsKey(rule.variant())) {
                throw new IllegalArgumentException(
                        "flag "
                                + key
                                + ": a rule chooses "
                                + rule.variant()
                                + ", which is not a variant ("
                                + String.join(", ", variants.keySet())
                                + ")");
            }
        }
    }

    /** This flag switched on or off, otherwise the same (a change to hand to the store). */
    public FeatureFlag withEnabled(boolean on) {
        return new FeatureFlag(
                key,
                description,
                on,
                defaultVariant,
                variants,
                rules,
                version,
                updatedAt,
                updatedBy);
    }

    /** This flag with other rules, otherwise the same. */
    public FeatureFlag withRules(List<FlagRule> newRules) {
        return new FeatureFlag(
                key,
                description,
                enabled,
                defaultVariant,
                variants,
                newRules,
                version,
                updatedAt,
                updatedBy);
    }

    @Override
    public Map<String, Object> variants() {
        return java.util.Collections.unmodifiableMap(variants);
    }
}
