package org.ramsetu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.accounts.PasswordPolicy;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.registry.requests.RequestOrder;

/**
 * The wording of the usual checks, as they refuse, is what the codes are read from: a check whose
 * message changes fails here, not in a Hindi console that quietly falls back to English.
 */
class FieldErrorCodesTest {

    @Test
    void aValueOutOfRangeNamesItsBoundsUnitAndWhatWasGiven() {
        assertCoded(
                () -> Require.inRange("creatinine", 99.0, 0.1, 15, "mg/dL"),
                "range",
                Map.of("min", "0.1", "max", "15", "unit", "mg/dL", "value", "99"));
        assertCoded(
                () -> Require.inRange("urgency", 9, 1, 5, ""),
                "range",
                Map.of("min", "1", "max", "5", "unit", "", "value", "9"));
        assertCoded(
                () -> Require.plausibleInstant("at", Instant.parse("1800-01-01T00:00:00Z")),
                "range",
                Map.of(
                        "min", "1900-01-01",
                        "max", "2200-01-01",
                        "unit", "",
                        "value", "1800-01-01T00:00:00Z"));
    }

    @Test
    void missingBlankAndTooLongValuesHaveTheirCodes() {
        assertCoded(() -> Require.present("bloodGroup", null), "required", Map.of());
        assertCoded(() -> Fields.required("organ", null), "required", Map.of());
        assertCoded(() -> Require.nonBlank("name", " "), "blank", Map.of());
        assertCoded(
                () -> Fields.optionalText("reason", "x".repeat(1001), 1000),
                "max-length",
                Map.of("max", "1000"));
        assertCoded(() -> Fields.optionalLine("q", "a\u0007b", 100), "invisible", Map.of());
        assertCoded(
                () -> PasswordPolicy.check("password", "short", null),
                "length",
                Map.of("min", "12", "max", "128", "value", "5"));
    }

    @Test
    void aChoiceNamesItsOptionsAndWhatWasGiven() {
        assertCoded(
                () -> Fields.requiredEnum("organ", null, Organ.class),
                "one-of",
                Map.of("options", "KIDNEY, LIVER, HEART, CORNEA"));
        assertCoded(
                () -> Fields.optionalEnum("organ", "lung", Organ.class),
                "one-of",
                Map.of("options", "KIDNEY, LIVER, HEART, CORNEA", "value", "lung"));
        assertCoded(
                () -> RequestOrder.of("sickest"),
                "one-of",
                Map.of("options", "newest, oldest, urgency, meld", "value", "sickest"));
    }

    @Test
    void aMessageOfNoKnownKindGoesOutInEnglishAlone() {
        assertThat(FieldErrorCodes.of("must be the nextCursor of a previous page, unchanged"))
                .isEmpty();
        assertThat(FieldErrorCodes.of("is required to reject a document")).isEmpty();
    }

    private static void assertCoded(Executable check, String code, Map<String, String> params) {
        Throwable refused = catchThrowable(check::execute);
        String message =
                refused instanceof InvalidInput invalid
                        ? invalid.fieldErrors().values().iterator().next()
                        : ((InvalidClinicalValueException) refused).getMessage();
        assertThat(FieldErrorCodes.of(message))
                .as(message)
                .hasValue(new FieldErrorCodes.Coded(code, params));
    }
}
