package org.ramsetu.platform.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.MailTemplate;
import org.ramsetu.infra.mail.OutgoingMail;
import org.ramsetu.infra.mail.QueuedMail;

/**
 * The workflow's e-mails, queued in the transaction of the change they report (a rolled-back change
 * sends nothing) and keyed by what they report, so a retried job sends each message once. Donation
 * is anonymous: neither the patient nor the donor ever learns the other's identity, before or after
 * approval; only coordinators see both.
 */
public class MatchMails {

    private static final String FOOTER_TEXT =
            "\n\nYou can see your matches at any time when you sign in to RamSetu.\n";

    private static final MailTemplate PATIENT =
            new MailTemplate(
                    "match-patient",
                    "RamSetu: {{subject}}",
                    "Hello {{name}},\n\n{{message}}\n\nRequest: {{organ}} transplant, reference"
                            + " {{requestId}}"
                            + FOOTER_TEXT,
                    """
                    <p>Hello {{name}},</p>
                    <p>{{message}}</p>
                    <p>Request: {{organ}} transplant, reference {{requestId}}</p>
                    <p>You can see your matches at any time when you sign in to RamSetu.</p>
                    """);

    private static final MailTemplate DONOR =
            new MailTemplate(
                    "match-donor-approved",
                    "RamSetu: your pledged {{organ}} has been matched",
                    """
                    Hello {{name}},

                    a transplant coordinator has approved a match for your pledged {{organ}}
                    (pledge {{pledgeId}}). As the law on organ donation requires, the patient's
                    identity stays confidential, as yours does. The transplant team will contact
                    you; thank you.
                    """,
                    """
                    <p>Hello {{name}},</p>
                    <p>a transplant coordinator has approved a match for your pledged {{organ}}
                    (pledge {{pledgeId}}). As the law on organ donation requires, the patient's
                    identity stays confidential, as yours does. The transplant team will contact
                    you; thank you.</p>
                    """);

    private static final MailTemplate COORDINATORS =
            new MailTemplate(
                    "match-run-coordinators",
                    "RamSetu: {{subject}}",
                    """
                    {{message}}

                    Match run: {{runId}}
                    Transplant request: {{requestId}} ({{organ}})
                    """,
                    null);

    private final QueuedMail mail;
    private final MatchParties parties;

    public MatchMails(QueuedMail mail, MatchParties parties) {
        this.mail = mail;
        this.parties = parties;
    }

    /** The patient: a run proposed donors for their request (who they are stays hidden). */
    public void proposed(UUID runId, UUID patientId, UUID requestId, Organ organ, int count) {
        toPatient(
                "run:" + runId + ":proposed",
                patientId,
                requestId,
                organ,
                "possible donors found for your request",
                count
                        + (count == 1 ? " possible donor was" : " possible donors were")
                        + " found for your request. A transplant coordinator will review them; you"
                        + " will hear from us when a donor is approved.");
    }

    /** The patient: a coordinator approved a donor, who stays anonymous. */
    public void approvedToPatient(UUID matchId, UUID patientId, UUID requestId, Organ organ) {
        toPatient(
                "match:" + matchId + ":approved:patient",
                patientId,
                requestId,
                organ,
                "a donor has been approved for you",
                "a transplant coordinator has approved a donor for your request. As the law on"
                        + " organ donation requires, the donor's identity stays confidential. Your"
                        + " transplant team will contact you about the next steps.");
    }

    /** The donor: their pledge was matched; the patient stays anonymous. */
    public void approvedToDonor(UUID matchId, UUID donorId, UUID pledgeId, Organ organ) {
        MatchParties.Party donor = parties.donor(donorId).orElseThrow();
        mail.send(
                DONOR.compose(
                        "match:" + matchId + ":approved:donor",
                        donor.address(),
                        Map.of(
                                "name", donor.fullName(),
                                "organ", name(organ),
                                "pledgeId", pledgeId.toString())));
    }

    /** The patient: a proposed donor was declined, and why. */
    public void declined(
            UUID matchId, UUID patientId, UUID requestId, Organ organ, String reason, String note) {
        toPatient(
                "match:" + matchId + ":declined",
                patientId,
                requestId,
                organ,
                "a proposed donor was declined",
                "a transplant coordinator declined one of the donors proposed for your request."
                        + " Reason: "
                        + reason
                        + (note == null ? "" : " (" + note + ")")
                        + ". You stay on the waiting list.");
    }

    /** Every coordinator: a run was ranked without the ML score. */
    public void degradedRun(UUID runId, UUID requestId, Organ organ, String cause) {
        toCoordinators(
                "run:" + runId + ":degraded",
                "degraded match run (clinical ranking only)",
                "A match run was ranked on the clinical policy alone because the ML score was"
                        + " unavailable: "
                        + cause
                        + ". It will be re-scored automatically when scoring is back; please"
                        + " re-check the list then.",
                runId,
                requestId,
                organ);
    }

    /** Every coordinator: a degraded run now has its re-scored successor. */
    public void rescored(UUID runId, UUID degradedRunId, UUID requestId, Organ organ) {
        toCoordinators(
                "run:" + runId + ":rescored",
                "re-scored match run ready",
                "The degraded match run "
                        + degradedRunId
                        + " was re-scored with the ML model. Its proposals were replaced by the"
                        + " re-scored run's; please review them.",
                runId,
                requestId,
                organ);
    }

    private void toPatient(
            String key,
            UUID patientId,
            UUID requestId,
            Organ organ,
            String subject,
            String message) {
        MatchParties.Party patient = parties.patient(patientId).orElseThrow();
        mail.send(
                PATIENT.compose(
                        key,
                        patient.address(),
                        Map.of(
                                "subject", subject,
                                "name", patient.fullName(),
                                "message", message,
                                "organ", name(organ),
                                "requestId", requestId.toString())));
    }

    private void toCoordinators(
            String key, String subject, String message, UUID runId, UUID requestId, Organ organ) {
        List<MailAddress> all =
                parties.coordinators().stream().map(MatchParties.Party::address).toList();
        // A mail carries at most OutgoingMail.MAX_RECIPIENTS addresses: one mail per group.
        for (int from = 0, part = 1;
                from < all.size();
                from += OutgoingMail.MAX_RECIPIENTS, part++) {
            mail.send(
                    COORDINATORS.compose(
                            key + ":part-" + part,
                            all.subList(
                                    from, Math.min(all.size(), from + OutgoingMail.MAX_RECIPIENTS)),
                            Map.of(
                                    "subject", subject,
                                    "message", message,
                                    "runId", runId.toString(),
                                    "requestId", requestId.toString(),
                                    "organ", name(organ))));
        }
    }

    private static String name(Organ organ) {
        return organ.name().toLowerCase(Locale.ROOT);
    }
}
