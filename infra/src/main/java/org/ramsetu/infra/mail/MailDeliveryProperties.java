package org.ramsetu.infra.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings ({@code ramsetu.mail.*}). Which mailer runs is not a property: SMTP when {@code
 * RAMSETU_SMTP_HOST} is set, otherwise {@code .eml} files in {@code $RAMSETU_DATA_DIR/mail}.
 *
 * @param from the sender of every message; its domain also names the Message-IDs
 * @param fromName the sender's display name
 * @param connectTimeout how long to wait for the SMTP server to accept a connection
 * @param timeout how long any single SMTP read or write may take
 * @param startTls use STARTTLS when the server offers it; {@code required} refuses servers that do
 *     not (set for relays across untrusted networks)
 */
@ConfigurationProperties("ramsetu.mail")
public record MailDeliveryProperties(
        @DefaultValue("no-reply@ramsetu.local") String from,
        @DefaultValue("RamSetu") String fromName,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("OPPORTUNISTIC") StartTls startTls) {

    public enum StartTls {
        /** plain SMTP (only for a relay on the same host or a test server) */
        OFF,
        /** upgrade when the server offers STARTTLS */
        OPPORTUNISTIC,
        /** fail unless the connection can be upgraded */
        REQUIRED
    }

    public MailAddress sender() {
        return MailAddress.of(from, fromName);
    }
}
