package org.ramsetu.infra.mail;

import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.outbox.JobScheduler;

/**
 * How features send e-mail: never on the request path, always as a {@code mail.send} job written in
 * the caller's transaction (a rolled-back change sends nothing). The mail's idempotency key is the
 * job's, so asking twice for the same message sends it once.
 */
public class QueuedMail {

    private final JobScheduler scheduler;

    public QueuedMail(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void send(OutgoingMail mail) {
        scheduler.schedule(
                new NewJob(MailJobs.SEND, mail.idempotencyKey(), MailJobs.toPayload(mail)));
    }
}
