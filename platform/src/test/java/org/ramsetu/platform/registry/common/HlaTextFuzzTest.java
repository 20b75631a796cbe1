package org.ramsetu.platform.registry.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.function.Function;
import org.ramsetu.core.InvalidClinicalValueException;

/**
 * HLA typings and antigen lists are parsed from text typed by coordinators and read back from the
 * database: any text is refused as an invalid clinical value, or parsed into a value that is
 * written and read back unchanged (a typing that changed on its way through the database would
 * change who matches).
 */
class HlaTextFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void anyTextIsATypingThatSurvivesStorageOrRefused(String text) {
        refusedOrSurvivesStorage(text, HlaText::typing, HlaText::format);
    }

    @FuzzTest(maxDuration = "1m")
    void anyTextIsAnAntigenListThatSurvivesStorageOrRefused(String text) {
        refusedOrSurvivesStorage(text, HlaText::antigens, HlaText::format);
    }

    private static <T> void refusedOrSurvivesStorage(
            String text, Function<String, T> parse, Function<T, String> format) {
        T parsed;
        try {
            parsed = parse.apply(text);
        } catch (InvalidClinicalValueException refused) {
            return;
        }
        if (parsed == null) {
            assertThat(text == null || text.isBlank()).as("only no text is no value").isTrue();
            return;
        }
        assertThat(parse.apply(format.apply(parsed))).isEqualTo(parsed);
    }
}
