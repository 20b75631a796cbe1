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
    void aRankedCursorCarriesItsRankingAndKey() {
        Cursor ranked = new Cursor(new Cursor.Rank("meld", -34), ISSUED.at(), ISSUED.id());
        assertThat(Cursor.decode("after", ranked.encode())).isEqualTo(ranked);
        String plain = "meld~-34_1796379330123456_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c";
        assertThat(ranked.encode()).isEqualTo(encoded(plain));

        assertRefused(encoded("meld~+34_1796379330123456_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));
        assertRefused(encoded("MELD~-34_1796379330123456_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));
        assertRefused(encoded("~-34_1796379330123456_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));
        assertRefused(encoded("meld~_1796379330123456_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));
        assertRefused(encoded("meld~-34_3f2a1b4c-0d5e-4f6a-8b7c-9d0e1f2a3b4c"));
    }

    @Test
    void aCursorOfOneOrderIsRefusedInAnother() {
        Cursor urgency = new Cursor(new Cursor.Rank("urgency", -4), ISSUED.at(), ISSUED.id());
        assertThatThrownBy(() -> new ListQuery().afterKeyed("meld", "k", "t", "i", urgency))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("after"));
        assertThatThrownBy(() -> new ListQuery().after("t", "i", urgency))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ListQuery().afterKeyed("urgency", "k", "t", "i", ISSUED))
                .isInstanceOf(InvalidInput.class);
        assertThat(
                        new ListQuery()
                                .afterKeyed("urgency", "k", "t", "i", urgency)
                                .toSql("select 1 from x", "k", 20)
                                .text())
                .contains("(k, t, i) > (:cursorKey, :cursorAt, :cursorId)");
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
