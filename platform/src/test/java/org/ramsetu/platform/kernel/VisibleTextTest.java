package org.ramsetu.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void oneNameTypedTwoWaysIsOneString() {
        String composed = "Jos\u00e9";
        String decomposed = "Jose\u0301";

        assertThat(VisibleText.normalized(decomposed)).isEqualTo(composed);
    }

    @Test
    void wordsKeepTheJoinersIndicScriptsNeedAndLoseEveryOtherInvisibleCharacter() {
        assertThat(VisibleText.firstInvisibleInWords("\u0915\u094d\u200d\u0937")).isEqualTo(-1);
        assertThat(VisibleText.firstInvisibleInWords("\u0d28\u0d4d\u200c\u0d24")).isEqualTo(-1);
        assertThat(VisibleText.firstInvisibleInWords("Asha\u200bRao")).isEqualTo(0x200B);
        assertThat(VisibleText.firstInvisibleInWords("Asha \u202eoaR")).isEqualTo(0x202E);
        assertThat(VisibleText.firstInvisibleInWords("\ufeffAsha")).isEqualTo(0xFEFF);
        assertThat(VisibleText.firstInvisibleInWords("Asha\u0000")).isZero();
        assertThat(VisibleText.firstInvisibleInWords("line\u2028break")).isEqualTo(0x2028);
        assertThat(VisibleText.firstInvisibleInWords("Asha\nRao")).isEqualTo('\n');
    }

    @Test
    void linesMayBreakButHoldNothingInvisible() {
        assertThat(VisibleText.firstInvisibleInLines("first line\r\nsecond line")).isEqualTo(-1);
        assertThat(VisibleText.firstInvisibleInLines("cut\u0000off")).isZero();
    }

    @Test
    void identifiersHoldNoFormatCharacterAtAll() {
        assertThat(VisibleText.invisibleInIdentifiers(0x200D)).isTrue();
        assertThat(VisibleText.invisibleInIdentifiers('a')).isFalse();
        assertThat(VisibleText.describe(0x200B)).isEqualTo("U+200B");
    }
}
