package org.ramsetu.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.settings.RamsetuSettings;

/** The SMTP adapter against a real SMTP server (GreenMail, on a free port). */
class SmtpMailerIntegrationTest extends MailerContract {

    @RegisterExtension
    static final GreenMailExtension smtpServer =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final MailDeliveryProperties PROPERTIES =
            new MailDeliveryProperties(
                    "unused@ramsetu.example",
                    "unused",
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    MailDeliveryProperties.StartTls.OPPORTUNISTIC);

    @Override
    Mailer newMailer(MailAddress from, Clock clock) {
        RamsetuSettings.Smtp smtp =
                new RamsetuSettings.Smtp(
                        "127.0.0.1",
                        smtpServer.getSmtp().getPort(),
                        Optional.empty(),
                        Optional.empty());
        return new SmtpMailer(MailConfiguration.javaMailSender(smtp, PROPERTIES), from, clock);
    }

    @Override
    List<MimeMessage> delivered() {
        return List.of(smtpServer.getReceivedMessages());
    }

    @Test
    void anUnreachableServerIsADeliveryFailureWithinTheTimeout() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        RamsetuSettings.Smtp nowhere =
                new RamsetuSettings.Smtp(
                        "127.0.0.1", closedPort, Optional.empty(), Optional.empty());
        Mailer mailer =
                new SmtpMailer(
                        MailConfiguration.javaMailSender(nowhere, PROPERTIES),
                        FROM,
                        Clock.systemUTC());

        long start = System.nanoTime();
        assertThatThrownBy(
                        () ->
                                mailer.send(
                                        OutgoingMail.text(
                                                "k", MailAddress.of("a@b.example"), "S", "T")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("SMTP delivery of <")
                .hasMessageContaining("Connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
