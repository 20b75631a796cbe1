package org.ramsetu.infra.mail;

import jakarta.mail.MessagingException;
import java.time.Clock;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends mail through an SMTP relay (Spring's {@link JavaMailSender}). SMTP has no idempotent
 * submit: a job retried after the relay accepted the message but before the job was marked done
 * sends it again, with the same Message-ID, which mail clients and most servers treat as one.
 */
public final class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final MailAddress from;
    private final Clock clock;

    public SmtpMailer(JavaMailSender sender, MailAddress from, Clock clock) {
        this.sender = sender;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            sender.send(MimeMessages.build(mail, from, clock.instant()));
        } catch (MailException | MessagingException e) {
            throw new MailDeliveryException(
                    "SMTP delivery of "
                            + mail.messageId(from.domain())
                            + " failed: "
                            + e.getMessage(),
                    e);
        }
    }
}
