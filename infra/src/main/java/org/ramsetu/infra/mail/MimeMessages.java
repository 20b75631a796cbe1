package org.ramsetu.infra.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Builds the RFC 5322 message both mailers send: UTF-8, text (plus HTML when given), stable ID. */
final class MimeMessages {

    private static final java.util.regex.Pattern LINE_END =
            java.util.regex.Pattern.compile("\r\n|\r|\n");
    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeMessages() {}

    static MimeMessage build(OutgoingMail mail, MailAddress from, Instant date)
            throws MessagingException {
        MimeMessage message = new StableIdMimeMessage(mail.messageId(from.domain()));
        message.setFrom(from.toInternetAddress());
        message.setRecipients(
                Message.RecipientType.TO,
                mail.to().stream()
                        .map(MailAddress::toInternetAddress)
                        .toArray(InternetAddress[]::new));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(date));
        if (mail.html() == null) {
            message.setText(crlf(mail.text()), "UTF-8", "plain");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(mail.text(), "plain"));
            alternative.addBodyPart(part(mail.html(), "html"));
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(crlf(body), "UTF-8", subtype);
        return part;
    }

    /**
     * RFC 5322 lines end in CRLF. SMTP transport converts on the wire, but a {@code .eml} file is
     * written as is, so bodies are normalised here for both.
     */
    private static String crlf(String body) {
        return LINE_END.matcher(body).replaceAll("\r\n");
    }

    /** Jakarta Mail replaces the Message-ID on every save; ours must stay what the key makes it. */
    private static final class StableIdMimeMessage extends MimeMessage {
        private final String messageId;

        StableIdMimeMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
