package org.ramsetu.platform.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ramsetu.platform.kernel.InvalidInput;

class PasswordPolicyTest {

    private final EmailAddress email = EmailAddress.parse("email", "Asha@Example.org");

    @Test
    void lengthDecidesAndAnyCharacterIsWelcome() {
        assertThatCode(() -> PasswordPolicy.check("password", "ಹಸಿರು ಮರ 🌳 tree!", email))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "twelve chars", email))
                .doesNotThrowAnyException();
    }

    @Test
    void tooShortTooLongRepeatedOrTheEmailAreRefusedNamingTheField() {
        for (String bad :
                new String[] {
                    "eleven char", "x".repeat(129), "aaaaaaaaaaaaaaaa", "asha@example.org"
                }) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", bad, email))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            p ->
                                    org.assertj.core.api.Assertions.assertThat(p.fieldErrors())
                                            .containsKey("password"));
        }
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        // 12 emoji are 24 UTF-16 units; 11 must still be too short.
        assertThatThrownBy(() -> PasswordPolicy.check("password", "🌳🌲".repeat(5) + "🌳", email))
                .isInstanceOf(InvalidInput.class);
        assertThatCode(() -> PasswordPolicy.check("password", "🌳🌲".repeat(6), email))
                .doesNotThrowAnyException();
    }
}
