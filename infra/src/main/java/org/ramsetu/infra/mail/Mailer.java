package org.ramsetu.infra.mail;

/**
 * Sends mail: {@code .eml} files in {@code $RAMSETU_DATA_DIR/mail} (the embedded default) or SMTP.
 * Call it only from a queued job, never on a request path: SMTP is slow and fails, the queue
 * retries. Sending the same {@link OutgoingMail} again yields the same Message-ID.
 */
public interface Mailer {

    /**
     * @throws MailDeliveryException when the message could not be handed over (retry later)
     */
    void send(OutgoingMail mail);
}
