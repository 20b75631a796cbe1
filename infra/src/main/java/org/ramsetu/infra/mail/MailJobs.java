package org.ramsetu.infra.mail;

import org.ramsetu.infra.queue.JobType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The {@code mail.send} job: its type and the JSON form of the mail it carries. */
final class MailJobs {

    static final JobType SEND = JobType.of("mail.send");

    private static final JsonMapper JSON =
            JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private MailJobs() {}

    static String toPayload(OutgoingMail mail) {
        return JSON.writeValueAsString(mail);
    }

    static OutgoingMail fromPayload(String payload) {
        return JSON.readValue(payload, OutgoingMail.class);
    }
}
