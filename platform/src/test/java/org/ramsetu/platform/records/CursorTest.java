package org.ramsetu.platform.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.kernel.InvalidInput;

class CursorTest {

    private static final Cursor ISSUED =
            new Cursor(
                    Instant.parse("2026-12-04T10:15:30.123456Z"),
                    UUID.fromString("3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));

    @Test
    void whatWasIssuedDecodesToItself() {
        assertThat(Cursor.decode("after", ISSUED.encode())).isEqualTo(ISSUED);
        assertThat(Cursor.decode("after", " " + ISSUED.encode() + "\n")).isEqualTo(ISSUED);
    }

    @Test
    void timesFarFromNowEncodeWithoutOverflow() {
        Cursor late = new Cursor(Instant.parse("9999-12-31T23:59:59.999999Z"), ISSUED.id());
        assertThat(Cursor.decode("after", late.encode())).isEqualTo(late);
    }

    @Test
    void otherSpellingsOfTheSameCursorAreRefused() {
        String plain = "1796379330123456_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c";
        assertThat(Cursor.decode("after", encoded(plain))).isEqualTo(ISSUED);

        assertRefused(Base64.getUrlEncoder().encodeToString(bytes(plain))); // padded
        assertRefused(encoded("+" + plain));
        assertRefused(encoded("01796379330123456_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));
        assertRefused(encoded(plain.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void timesOutsideTheDatabasesRangeAreRefused() {
        assertRefused(encoded("-9000000000000000000_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));
        assertRefused(encoded("9000000000000000000_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));
    }

    private static void assertRefused(String text) {
        assertThatThrownBy(() -> Cursor.decode("after", text))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("after"));
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(plain));
    }

    private static byte[] bytes(String plain) {
        return plain.getBytes(StandardCharsets.US_ASCII);
    }
}
