package org.ramsetu.core.blood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ramsetu.core.InvalidClinicalValueException;

class BloodGroupTest {

    @ParameterizedTest
    @CsvSource({
        "O+, O, POSITIVE", "AB-, AB, NEGATIVE", "A NEG, A, NEGATIVE", "b pos, B, POSITIVE",
        "' o positive ', O, POSITIVE", "AB Negative, AB, NEGATIVE", "B+ve, B, POSITIVE",
                "a -, A, NEGATIVE"
    })
    void parsesCommonForms(String text, Abo abo, Rh rh) {
        assertThat(BloodGroup.parse(text)).isEqualTo(new BloodGroup(abo, rh));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "O", "C+", "0+", "ABO+", "A plus", "+A", "AB--"})
    void rejectsAnythingElseNamingTheField(String text) {
        assertThatThrownBy(() -> BloodGroup.parse(text))
                .isInstanceOf(InvalidClinicalValueException.class)
                .hasMessageContaining("bloodGroup")
                .hasMessageContaining(text)
                .extracting(e -> ((InvalidClinicalValueException) e).field())
                .isEqualTo("bloodGroup");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> BloodGroup.parse(null))
                .isInstanceOf(InvalidClinicalValueException.class);
    }

    @Test
    void printsCanonicalForm() {
        assertThat(BloodGroup.parse("ab neg")).hasToString("AB-");
    }
}
