package org.ramsetu.platform.records;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.ramsetu.platform.kernel.InvalidInput;

/**
 * Where a page of a list ended, in the list's keyset order (time descending, then id descending):
 * the next page starts strictly after it, so rows written meanwhile neither repeat nor go missing.
 * Opaque to clients.
 */
public record Cursor(Instant at, UUID id) {

    // What PostgreSQL's timestamptz and Java both hold with room to spare; a row's time is never
    // outside it, and a time beyond it would fail in the query instead of as a refusal.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String encode() {
        // Not ChronoUnit.MICROS.between: it counts in nanoseconds and overflows past 2262.
        long micros =
                Math.addExact(
                        Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + "_" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Accepts only what {@link #encode()} wrote: a decoder that also took padding, a {@code +}
     * before the number or an upper-case id would give one page several names, and a time outside
     * the database's range would reach the query.
     *
     * @throws InvalidInput naming {@code field} when the text is not a cursor we issued
     */
    public static Cursor decode(String field, String text) {
        Cursor cursor;
        try {
            String plain =
                    new String(
                            Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
            int separator = plain.indexOf('_');
            long micros = Long.parseLong(plain.substring(0, separator));
            cursor =
                    new Cursor(
                            Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                            UUID.fromString(plain.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw notIssued(field);
        }
        if (cursor.at.isBefore(EARLIEST)
                || cursor.at.isAfter(LATEST)
                || !cursor.encode().equals(text.strip())) {
            throw notIssued(field);
        }
        return cursor;
    }

    private static InvalidInput notIssued(String field) {
        return InvalidInput.field(field, "must be the nextCursor of a previous page, unchanged");
    }
}
