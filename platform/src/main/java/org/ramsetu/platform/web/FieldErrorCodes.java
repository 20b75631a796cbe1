package org.ramsetu.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of a field error and its values, beside its English message, so that a client shows it
 * in its user's language: {@code {"field": "creatinine", "message": "creatinine must be between 0.1
 * and 15 mg/dL (was 99)", "code": "range", "params": {"min": "0.1", "max": "15", "unit": "mg/dL",
 * "value": "99"}}}. The messages come from a handful of checks (the clinical core's {@code
 * Require}, {@code Fields}, bean validation), whose wording {@code FieldErrorCodesTest} pins to
 * these codes; a message of no known kind goes out with its English alone.
 */
public final class FieldErrorCodes {

    /** A field error's kind and the values its translation fills in. */
    public record Coded(String code, Map<String, String> params) {}

    private record Kind(String code, Pattern pattern, List<String> params) {}

    // An optional field name before the message, as the core writes it ("creatinine must be ...").
    private static final String NAME = "(?:[\\w.\\[\\]]+ )?";

    private static final List<Kind> KINDS =
            List.of(
                    kind(
                            "range",
                            NAME
                                    + "must be between (?<min>\\S+) and (?<max>\\S+?)"
                                    + "(?: (?<unit>[^()]+?))? \\(was (?<value>[^)]*)\\)",
                            "min",
                            "max",
                            "unit",
                            "value"),
                    kind(
                            "one-of",
                            "must be one of (?<options>.+?) \\(was '(?<value>.*)'\\)",
                            "options",
                            "value"),
                    kind("one-of", "is required \\(one of (?<options>.+)\\)", "options"),
                    kind("required", NAME + "(?:is required(?:: .*)?|must not be null)"),
                    kind("blank", NAME + "must not be blank"),
                    kind("max-length", "must be at most (?<max>\\d+) characters", "max"),
                    kind(
                            "length",
                            "must be (?<min>\\d+) to (?<max>\\d+) characters long \\(yours has"
                                    + " (?<value>\\d+)\\).*",
                            "min",
                            "max",
                            "value"),
                    kind(
                            "invisible",
                            "must (?:not contain|be one line without) control or other invisible"
                                    + " characters"));

    private FieldErrorCodes() {}

    /** Every code a field error may carry, in a stable order (the API description lists them). */
    public static List<String> codes() {
        return KINDS.stream().map(Kind::code).distinct().toList();
    }

    public static Optional<Coded> of(String message) {
        for (Kind kind : KINDS) {
            Matcher m = kind.pattern().matcher(message);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (String name : kind.params()) {
                    String value = m.group(name);
                    params.put(name, value == null ? "" : value);
                }
                return Optional.of(new Coded(kind.code(), params));
            }
        }
        return Optional.empty();
    }

    private static Kind kind(String code, String regex, String... params) {
        return new Kind(code, Pattern.compile(regex, Pattern.DOTALL), List.of(params));
    }
}
