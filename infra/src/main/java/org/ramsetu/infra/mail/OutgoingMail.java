package org.ramsetu.infra.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One message to send, as a queued mail job carries it (a plain record, easy to serialize).
 *
 * @param idempotencyKey what makes this message this message, e.g. {@code match-proposed:run-42:
 *     coordinator-7}; it fixes the Message-ID, so a job that runs twice sends the same message
 *     twice (receivers and the {@code .eml} folder see one) rather than two different ones
 * @param to one or more recipients
 * @param subject one line
 * @param text the plain-text body (always present: some readers show only text)
 * @param html the HTML alternative, or {@code null}; build it with {@link MailTemplate}, which
 *     escapes every value
 */
public record OutgoingMail(
        String idempotencyKey, List<MailAddress> to, String subject, String text, String html) {

    public static final int MAX_RECIPIENTS = 50;

    public OutgoingMail {
        HeaderValues.requireSingleLine("idempotency key", idempotencyKey);
        HeaderValues.requireSingleLine("subject", subject);
        Objects.requireNonNull(text, "text body");
        if (to == null || to.isEmpty() || to.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException(
                    "a mail needs 1 to "
                            + MAX_RECIPIENTS
                            + " recipients, got "
                            + (to == null ? 0 : to.size()));
        }
        to = List.copyOf(to);
    }

    /** A plain-text mail to one recipient. */
    public static OutgoingMail text(
            String idempotencyKey, MailAddress to, String subject, String text) {
        return new OutgoingMail(idempotencyKey, List.of(to), subject, text, null);
    }

    /**
     * The Message-ID this mail always gets: a hash of the idempotency key (so the key itself, which
     * may name people or records, never shows) under {@code domain}.
     */
    public String messageId(String domain) {
        return "<" + idempotencyHash() + "@" + domain + ">";
    }

    /** 32 hex digits of the SHA-256 of the idempotency key; also the {@code .eml} file name. */
    String idempotencyHash() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
