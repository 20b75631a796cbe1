package org.ramsetu.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlFileMailerTest extends MailerContract {

    @TempDir Path folder;

    @Override
    Mailer newMailer(MailAddress from, Clock clock) {
        return new EmlFileMailer(folder, from, clock);
    }

    @Override
    List<MimeMessage> delivered() throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (Path file : files()) {
            try (InputStream in = Files.newInputStream(file)) {
                messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
            }
        }
        return messages;
    }

    @Test
    void sendingTheSameMailTwiceLeavesOneFileAndNoTemporaryFiles() throws IOException {
        OutgoingMail mail =
                OutgoingMail.text(
                        "welcome:donor-5", MailAddress.of("d@x.example"), "Welcome", "Hi");

        mailer().send(mail);
        mailer().send(mail);

        assertThat(files()).containsExactly(((EmlFileMailer) mailer()).fileOf(mail));
        try (Stream<Path> all = Files.list(folder)) {
            assertThat(all).hasSize(1);
        }
    }

    @Test
    void theFileIsRfc5322WithCrlfLineEnds() throws IOException {
        OutgoingMail mail =
                OutgoingMail.text("k", MailAddress.of("d@x.example"), "Subject", "line 1\nline 2");
        mailer().send(mail);

        String raw = Files.readString(((EmlFileMailer) mailer()).fileOf(mail));
        assertThat(raw)
                .contains("\r\nSubject: Subject\r\n")
                .contains("Message-ID: " + mail.messageId("ramsetu.example"));
        assertThat(raw.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void anUnwritableFolderIsADeliveryFailureNamingTheFolder() throws IOException {
        Mailer mailer = mailer();
        Files.delete(folder);
        Files.writeString(folder, "a file where the folder was");

        assertThatThrownBy(
                        () ->
                                mailer.send(
                                        OutgoingMail.text(
                                                "k", MailAddress.of("d@x.example"), "S", "T")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining(folder.toString());
        Files.delete(folder); // so @TempDir can clean up
        Files.createDirectory(folder);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }
}
