package org.ramsetu.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.SettingsContexts;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailConfigurationTest {

    @TempDir Path dataDir;

    ApplicationContextRunner runner(Map<String, String> env) {
        return SettingsContexts.fromEnvironment(env).withUserConfiguration(MailConfiguration.class);
    }

    @Test
    void withoutSmtpSettingsMailIsWrittenToTheDataFolder() {
        runner(Map.of("RAMSETU_DATA_DIR", dataDir.toString()))
                .withPropertyValues("ramsetu.mail.from=alerts@hospital.example")
                .run(
                        context -> {
                            Mailer mailer = context.getBean(Mailer.class);
                            assertThat(mailer).isInstanceOf(EmlFileMailer.class);
                            OutgoingMail mail =
                                    OutgoingMail.text("k", MailAddress.of("a@b.example"), "S", "T");
                            mailer.send(mail);
                            assertThat(Files.readString(((EmlFileMailer) mailer).fileOf(mail)))
                                    .contains("From: RamSetu <alerts@hospital.example>")
                                    .contains(mail.messageId("hospital.example"));
                            assertThat(((EmlFileMailer) mailer).fileOf(mail).getParent())
                                    .isEqualTo(dataDir.resolve("mail").toAbsolutePath());
                        });
    }

    @Test
    void withAnSmtpHostMailGoesToThatRelayWithBoundedWaits() {
        runner(
                        Map.of(
                                "RAMSETU_SMTP_HOST", "smtp.hospital.example",
                                "RAMSETU_SMTP_PORT", "2525",
                                "RAMSETU_SMTP_USER", "ramsetu",
                                "RAMSETU_SMTP_PASSWORD", "secret"))
                .withPropertyValues("ramsetu.mail.start-tls=required", "ramsetu.mail.timeout=7s")
                .run(
                        context -> {
                            assertThat(context.getBean(Mailer.class))
                                    .isInstanceOf(SmtpMailer.class);
                            MailDeliveryProperties properties =
                                    context.getBean(MailDeliveryProperties.class);
                            RamsetuSettings settings = context.getBean(RamsetuSettings.class);
                            JavaMailSenderImpl sender =
                                    MailConfiguration.javaMailSender(
                                            settings.smtp().orElseThrow(), properties);
                            assertThat(sender.getHost()).isEqualTo("smtp.hospital.example");
                            assertThat(sender.getPort()).isEqualTo(2525);
                            assertThat(sender.getJavaMailProperties())
                                    .containsEntry("mail.smtp.auth", "true")
                                    .containsEntry("mail.smtp.starttls.required", "true")
                                    .containsEntry("mail.smtp.timeout", "7000")
                                    .containsEntry("mail.smtp.connectiontimeout", "5000");
                        });
    }
}
