package org.ramsetu.platform.records;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.kernel.InvalidInput;

/**
 * Where a page of a list ended, in the list's keyset order: the next page starts strictly after it,
 * so rows written meanwhile neither repeat nor go missing. Opaque to clients.
 *
 * @param rank the row's place in a list ranked by a key before its time (a waiting list by urgency
 *     or MELD); null in a list kept in time order
 * @param at the row's time: the list's order, or the tie-break after its rank
 * @param id the last tie-break
 */
public record Cursor(@Nullable Rank rank, Instant at, UUID id) {

    /**
     * A row's key in a ranked list, and which ranking it is: a cursor of one ranking names no place
     * in another, and is refused there instead of starting a page at a meaningless row.
     *
     * @param order the ranking's name, lower-case letters (its {@code sort} value)
     */
    public record Rank(String order, int key) {
        public Rank {
            if (!ORDER_NAME.matcher(order).matches()) {
                throw new IllegalArgumentException("a ranking's name is 1 to 20 a-z: " + order);
            }
        }
    }

    /** Where a page of a list kept in time order ended. */
    public Cursor(Instant at, UUID id) {
        this(null, at, id);
    }

    private static final Pattern ORDER_NAME = Pattern.compile("[a-z]{1,20}");

    // What PostgreSQL's timestamptz and Java both hold with room to spare; a row's time is never
    // outside it, and a time beyond it would fail in the query instead of as a refusal.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String encode() {
        // Not ChronoUnit.MICROS.between: it counts in nanoseconds and overflows past 2262.
        long micros =
                Math.addExact(
                        Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
        // A time cursor starts with a digit or '-', a ranked one with its ranking's letters.
        String ranked = rank == null ? "" : rank.order() + "~" + rank.key() + "_";
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((ranked + micros + "_" + id).getBytes(StandardCharsets.US_ASCII));
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
            Rank rank = null;
            int tilde = plain.indexOf('~');
            if (tilde >= 0) {
                int end = plain.indexOf('_');
                rank =
                        new Rank(
                                plain.substring(0, tilde),
                                Integer.parseInt(plain.substring(tilde + 1, end)));
                plain = plain.substring(end + 1);
            }
            int separator = plain.indexOf('_');
            long micros = Long.parseLong(plain.substring(0, separator));
            cursor =
                    new Cursor(
                            rank,
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
