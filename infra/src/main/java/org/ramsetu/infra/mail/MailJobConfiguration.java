package org.ramsetu.infra.mail;

import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Queued e-mail for the database targets: the sender side and the {@code mail.send} handler. */
@Configuration(proxyBeanMethods = false)
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
