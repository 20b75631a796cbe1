package org.ramsetu.infra.mail;

import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobType;

/**
 * Delivers queued mail through the configured {@link Mailer}. A redelivered job sends the same
 * message (same Message-ID): the {@code .eml} adapter keeps one file, SMTP receivers de-duplicate.
 */
public class SendMailJobHandler implements JobHandler {

    private final Mailer mailer;

    public SendMailJobHandler(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public JobType type() {
        return MailJobs.SEND;
    }

    @Override
    public void handle(Job job) {
        mailer.send(MailJobs.fromPayload(job.payload()));
    }
}
