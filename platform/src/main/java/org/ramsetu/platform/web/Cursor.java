package org.ramsetu.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a list ended, in the list's keyset order (time descending, then id descending):
 * the next page starts strictly after it, so rows written meanwhile neither repeat nor go missing.
 * Opaque to clients.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + "_" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @throws ApiProblem 400 naming {@code field} when the text is not a cursor we issued
     */
    public static Cursor decode(String field, String text) {
        try {
            String plain =
                    new String(
                            Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
            int separator = plain.indexOf('_');
            long micros = Long.parseLong(plain.substring(0, separator));
            return new Cursor(
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                    UUID.fromString(plain.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(
                    field, "must be the nextCursor of a previous page, unchanged");
        }
    }
}
