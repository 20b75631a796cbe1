package org.ramsetu.infra.mail;

import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Queued e-mail for the database targets: the sender side and the {@code mail.send} handler, with
 * the {@link Mailer} it sends through. A target without a queue (the model server) builds no mailer
 * and needs no SMTP settings or credentials.
 */
@Configuration(proxyBeanMethods = false)
@Import(MailConfiguration.class)
public class MailJobConfiguration {

    @Bean
    QueuedMail queuedMail(JobScheduler scheduler) {
        return new QueuedMail(scheduler);
    }

    @Bean
    SendMailJobHandler sendMailJobHandler(Mailer mailer) {
        return new SendMailJobHandler(mailer);
    }
}
