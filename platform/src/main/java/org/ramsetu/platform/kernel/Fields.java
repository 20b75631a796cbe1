package org.ramsetu.platform.kernel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ramsetu.core.InvalidClinicalValueException;

/**
 * Checks of request fields shared by the registry forms. Each failure is a 400 naming the field by
 * its path in the request body (e.g. {@code liver.bilirubin}), so a form can mark the right input.
 */
public final class Fields {

    private Fields() {}

    /**
     * Runs a check of the clinical core and names its field under {@code prefix}: the core names
     * {@code bilirubin}, the request has it at {@code liver.bilirubin}.
     */
    public static <T> T under(String prefix, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidClinicalValueException e) {
            String field =
                    e.field().startsWith(prefix + ".") ? e.field() : prefix + "." + e.field();
            throw new InvalidClinicalValueException(field, e.getMessage());
        }
    }

    /** Runs a check of the clinical core and reports its failure under another field name. */
    public static <T> T renamed(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidClinicalValueException e) {
            throw new InvalidClinicalValueException(field, e.getMessage());
        }
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw InvalidInput.field(field, "is required");
        }
        return value;
    }

    /** A required yes: consent is never implied. */
    public static void mustBeTrue(String field, Boolean value, String why) {
        if (!Boolean.TRUE.equals(value)) {
            throw InvalidInput.field(field, "must be true: " + why);
        }
    }

    /** One line of text, stripped; at most {@code max} characters. */
    public static String requiredLine(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.field(field, "is required");
        }
        return line(field, value, max);
    }

    /** Like {@link #requiredLine} but null when absent or blank. */
    public static String optionalLine(String field, String value, int max) {
        return value == null || value.isBlank() ? null : line(field, value, max);
    }

    /** Free text that may span lines (notes); null when absent or blank. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = VisibleText.normalized(value.strip());
        if (text.length() > max) {
            throw InvalidInput.field(field, "must be at most " + max + " characters");
        }
        if (VisibleText.firstInvisibleInLines(text) >= 0) {
            throw InvalidInput.field(
                    field, "must not contain control or other invisible characters");
        }
        return text;
    }

    /**
     * An enum constant by name, ignoring case and treating blanks and hyphens as underscores
     * ({@code "mild impairment"} → {@code MILD_IMPAIRMENT}).
     */
    public static <E extends Enum<E>> E requiredEnum(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.field(field, "is required (one of " + names(type) + ")");
        }
        return optionalEnum(field, text, type);
    }

    /** Like {@link #requiredEnum} but null when absent. */
    public static <E extends Enum<E>> E optionalEnum(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return constant;
            }
        }
        throw InvalidInput.field(
                field, "must be one of " + names(type) + " (was '" + abbreviated(text) + "')");
    }

    /**
     * A set of enum constants named in a list, each as {@link #requiredEnum} reads it; a name given
     * twice is refused (it is a typing slip, or two rows of a form that disagree).
     *
     * @param what the noun for one element, for the refusal of an empty list ({@code "organ"})
     * @param mayBeEmpty whether an empty list is an answer (e.g. no organ was usable)
     */
    public static <E extends Enum<E>> EnumSet<E> requiredEnumSet(
            String field, List<String> names, Class<E> type, String what, boolean mayBeEmpty) {
        required(field, names);
        if (names.isEmpty() && !mayBeEmpty) {
            throw InvalidInput.field(field, "must name at least one " + what);
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String name : names) {
            E constant = requiredEnum(field, name, type);
            if (!set.add(constant)) {
                throw InvalidInput.field(field, "names " + constant + " twice");
            }
        }
        return set;
    }

    private static String line(String field, String value, int max) {
        String text = VisibleText.normalized(value.strip().replaceAll("\\s+", " "));
        if (text.length() > max) {
            throw InvalidInput.field(field, "must be at most " + max + " characters");
        }
        if (VisibleText.firstInvisibleInWords(text) >= 0) {
            throw InvalidInput.field(
                    field, "must be one line without control or other invisible characters");
        }
        return text;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    /** The start of a rejected value, short enough to quote in a refusal. */
    public static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
