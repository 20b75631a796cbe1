package org.ramsetu.infra.mail;

import java.time.Clock;
import java.util.Properties;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The {@link Mailer}: SMTP when {@code RAMSETU_SMTP_HOST} is set (port, user and password from
 * {@code RAMSETU_SMTP_*}), otherwise {@code .eml} files in {@code $RAMSETU_DATA_DIR/mail}. Needs
 * the {@code ramsetuSettings} bean. Imported by {@link MailJobConfiguration} for the targets that
 * consume jobs, the only ones that send mail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailDeliveryProperties.class)
public class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    Mailer mailer(
            RamsetuSettings settings,
            MailDeliveryProperties properties,
            ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        if (settings.smtp().isPresent()) {
            RamsetuSettings.Smtp smtp = settings.smtp().get();
            log.info("Mail: SMTP relay {}:{}", smtp.host(), smtp.port());
            return new SmtpMailer(javaMailSender(smtp, properties), properties.sender(), time);
        }
        var folder = settings.dataDir().resolve("mail");
        log.info("Mail: .eml files in {}", folder.toAbsolutePath());
        return new EmlFileMailer(folder, properties.sender(), time);
    }

    /** Spring Mail's sender with every wait bounded and STARTTLS as configured. */
    public static JavaMailSenderImpl javaMailSender(
            RamsetuSettings.Smtp smtp, MailDeliveryProperties properties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        smtp.user().ifPresent(sender::setUsername);
        smtp.password().ifPresent(p -> sender.setPassword(p.value()));
        Properties p = sender.getJavaMailProperties();
        p.setProperty("mail.smtp.auth", Boolean.toString(smtp.user().isPresent()));
        p.setProperty("mail.smtp.connectiontimeout", millis(properties.connectTimeout()));
        p.setProperty("mail.smtp.timeout", millis(properties.timeout()));
        p.setProperty("mail.smtp.writetimeout", millis(properties.timeout()));
        p.setProperty(
                "mail.smtp.starttls.enable",
                Boolean.toString(properties.startTls() != MailDeliveryProperties.StartTls.OFF));
        p.setProperty(
                "mail.smtp.starttls.required",
                Boolean.toString(
                        properties.startTls() == MailDeliveryProperties.StartTls.REQUIRED));
        return sender;
    }

    private static String millis(java.time.Duration d) {
        return Long.toString(d.toMillis());
    }
}
