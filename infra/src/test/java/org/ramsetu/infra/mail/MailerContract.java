package org.ramsetu.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Mailer} promises, read back from where the adapter delivers (the folder, the
 * SMTP server's mailbox). Subclasses give a mailer and the messages it delivered so far.
 */
abstract class MailerContract {

    static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    static final MailAddress FROM = MailAddress.of("matches@ramsetu.example", "RamSetu Matching");
    static final MailTemplate MATCH_PROPOSED =
            new MailTemplate(
                    "match-proposed",
                    "Match proposé for {{patient}}",
                    "Dear {{coordinator}},\nA kidney from {{hospital}} matches {{patient}}.",
                    "<p>Dear {{coordinator}},</p><p>A kidney from <b>{{hospital}}</b> matches {{patient}}.</p>");

    abstract Mailer newMailer(MailAddress from, Clock clock);

    /** Every message delivered so far, parsed as a mail client would. */
    abstract List<MimeMessage> delivered() throws Exception;

    private Mailer mailer;

    Mailer mailer() {
        if (mailer == null) {
            mailer = newMailer(FROM, Clock.fixed(NOW, ZoneOffset.UTC));
        }
        return mailer;
    }

    @Test
    void aTemplatedMailArrivesWithHeadersTextAndEscapedHtml() throws Exception {
        OutgoingMail mail =
                MATCH_PROPOSED.compose(
                        "match-proposed:run-42:coord-7",
                        MailAddress.of("coord@hospital.example", "Dr. Ängström"),
                        Map.of(
                                "coordinator", "Dr. Ängström",
                                "hospital", "<script>alert('x')</script> & Sons",
                                "patient", "P-17"));

        mailer().send(mail);

        MimeMessage message = single(delivered());
        assertThat(message.getSubject()).isEqualTo("Match proposé for P-17");
        assertThat(message.getFrom())
                .containsExactly(new InternetAddress("matches@ramsetu.example"));
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal())
                .isEqualTo("RamSetu Matching");
        assertThat(
                        ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0])
                                .getPersonal())
                .isEqualTo("Dr. Ängström");
        assertThat(message.getMessageID()).isEqualTo(mail.messageId("ramsetu.example"));
        assertThat(message.getSentDate()).isEqualTo(Date.from(NOW));
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(text.getContent().toString().replace("\r\n", "\n"))
                .isEqualTo(
                        "Dear Dr. Ängström,\nA kidney from <script>alert('x')</script> & Sons matches P-17.");
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat(html.getContent().toString())
                .contains("<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons</b>")
                .doesNotContain("<script>");
    }

    @Test
    void aTextMailToSeveralRecipientsIsOnePlainPart() throws Exception {
        OutgoingMail mail =
                new OutgoingMail(
                        "report:2026-11",
                        List.of(
                                MailAddress.of("a@hospital.example"),
                                MailAddress.of("b@hospital.example")),
                        "Monthly report",
                        "Attached figures.",
                        null);

        mailer().send(mail);

        List<MimeMessage> messages = delivered();
        // An SMTP server stores one copy per recipient; every copy is the same message.
        assertThat(messages)
                .isNotEmpty()
                .allSatisfy(
                        m -> {
                            assertThat(m.getMessageID())
                                    .isEqualTo(mail.messageId("ramsetu.example"));
                            assertThat(m.getContentType()).startsWith("text/plain");
                            assertThat(m.getContent().toString().strip())
                                    .isEqualTo("Attached figures.");
                            assertThat(m.getRecipients(Message.RecipientType.TO))
                                    .extracting(Object::toString)
                                    .containsExactly("a@hospital.example", "b@hospital.example");
                        });
    }

    @Test
    void theMessageIdFollowsTheIdempotencyKeyAndNothingElse() throws Exception {
        MailAddress to = MailAddress.of("coord@hospital.example");
        mailer().send(OutgoingMail.text("key-1", to, "First", "one"));
        mailer().send(OutgoingMail.text("key-2", to, "Second", "two"));

        assertThat(delivered())
                .extracting(MimeMessage::getMessageID)
                .containsExactlyInAnyOrder(
                        OutgoingMail.text("key-1", to, "other subject", "x")
                                .messageId("ramsetu.example"),
                        OutgoingMail.text("key-2", to, "other subject", "y")
                                .messageId("ramsetu.example"))
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("<[0-9a-f]{32}@ramsetu\\.example>"));
    }

    static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
