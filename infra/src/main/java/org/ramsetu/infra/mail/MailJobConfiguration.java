package org.ramsetu.infra.mail;

import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Queued e-mail for the database targets: every one queues mail in its transaction; only those that
 * consume jobs (all, worker) build the {@code mail.send} handler and the {@link Mailer} it sends
 * through. The api target and the model server build no mailer, so they need no SMTP settings or
 * credentials.
 */
@Configuration(proxyBeanMethods = false)
public class MailJobConfiguration {

    @Bean
    QueuedMail queuedMail(JobScheduler scheduler) {
        return new QueuedMail(scheduler);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("ramsetu.queue.consumers-enabled")
    @Import(MailConfiguration.class)
    static class Sending {

        @Bean
        SendMailJobHandler sendMailJobHandler(Mailer mailer) {
            return new SendMailJobHandler(mailer);
        }
    }
}
