package org.ramsetu.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.ramsetu.platform.kernel.InvalidInput;

/**
 * A list's {@code after} parameter is any text a client sends. It is either the cursor the API
 * issued, exactly, or a 400 naming the field; a cursor the database cannot compare with (a time
 * outside its range) would fail in the query instead, as a 500.
 */
class CursorFuzzTest {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @FuzzTest(maxDuration = "1m")
    void anyTextIsACursorTheApiIssuedOrRefused(FuzzedDataProvider data) {
        // as the bytes of the query parameter, so that a committed input is the text itself
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        Cursor cursor;
        try {
            cursor = Cursor.decode("after", text);
        } catch (InvalidInput refused) {
            assertThat(refused.fieldErrors()).containsOnlyKeys("after");
            return;
        }
        assertThat(cursor.encode()).as("only what encode() wrote").isEqualTo(text.strip());
        assertThat(cursor.at()).isBetween(EARLIEST, LATEST);
    }
}
