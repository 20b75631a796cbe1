package org.ramsetu.platform.registry.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;

/**
 * HLA typings and antigen lists are parsed from text typed by coordinators and read back from the
 * database: any text is refused as an invalid clinical value, or parsed into a typing that is
 * written and read back unchanged (a typing that changed on its way through the database would
 * change who matches).
 */
class HlaTextFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void anyTextIsATypingThatSurvivesStorageOrRefused(String text) {
        HlaTyping typing;
        try {
            typing = HlaText.typing(text);
        } catch (InvalidClinicalValueException refused) {
            return;
        }
        if (typing == null) {
            assertThat(text == null || text.isBlank()).isTrue();
            return;
        }
        assertThat(HlaText.typing(HlaText.format(typing))).isEqualTo(typing);
    }

    @FuzzTest(maxDuration = "1m")
    void anyTextIsAnAntigenListThatSurvivesStorageOrRefused(String text) {
        UnacceptableAntigens antigens;
        try {
            antigens = HlaText.antigens(text);
        } catch (InvalidClinicalValueException refused) {
            return;
        }
        assertThat(HlaText.antigens(HlaText.format(antigens))).isEqualTo(antigens);
    }
}
