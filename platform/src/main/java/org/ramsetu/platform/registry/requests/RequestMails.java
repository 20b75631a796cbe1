package org.ramsetu.platform.registry.requests;

import java.util.Locale;
import java.util.Map;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.MailTemplate;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.identity.AccountId;
import org.springframework.context.event.EventListener;

/**
 * Tells the patient about every change of their transplant request, queued in the transaction of
 * the change and keyed by request and version.
 */
public class RequestMails {

    private static final MailTemplate STATUS =
            new MailTemplate(
                    "transplant-request-status",
                    "Your RamSetu {{organ}} transplant request is {{status}}",
                    """
                    Hello {{name}},

                    {{message}}

                    Request: {{organ}} transplant, reference {{requestId}}
                    Status: {{status}}

                    You can follow your request at any time when you sign in to RamSetu.
                    """,
                    """
                    <p>Hello {{name}},</p>
                    <p>{{message}}</p>
                    <p>Request: {{organ}} transplant, reference {{requestId}}<br>
                    Status: <b>{{status}}</b></p>
                    <p>You can follow your request at any time when you sign in to RamSetu.</p>
                    """);

    private final QueuedMail mail;
    private final Contacts contacts;

    public RequestMails(QueuedMail mail, Contacts contacts) {
        this.mail = mail;
        this.contacts = contacts;
    }

    @EventListener
    void on(PatientListed event) {
        statusChanged(event.request());
    }

    @EventListener
    void on(RequestStatusChanged event) {
        statusChanged(event.request());
    }

    /** A listing that was on the list leaves allocation until the centre checks the change. */
    @EventListener
    void on(ClinicalValuesChanged event) {
        if (event.from() != event.request().status()) {
            statusChanged(event.request());
        }
    }

    /** Mails the patient the request's current status, in the transaction that set it. */
    private void statusChanged(TransplantRequest request) {
        Contacts.Contact patient =
                contacts.of(new AccountId(request.patientId()))
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "transplant request "
                                                        + request.id()
                                                        + " has no patient account"));
        String organ = request.organ().name().toLowerCase(Locale.ROOT);
        mail.send(
                STATUS.compose(
                        "transplant-request:" + request.id() + ":v" + request.version(),
                        new MailAddress(patient.email(), patient.fullName()),
                        Map.of(
                                "name", patient.fullName(),
                                "organ", organ,
                                "status", request.status().name(),
                                "requestId", request.id().toString(),
                                "message", message(request, organ))));
    }

    private static String message(TransplantRequest request, String organ) {
        return switch (request.status()) {
            case PENDING_VERIFICATION ->
                    request.verification() == null
                            ? "your request for a "
                                    + organ
                                    + " transplant is recorded, and your waiting time counts from"
                                    + " today. It counts for allocation once a coordinator of your"
                                    + " transplant centre has checked its clinical values."
                            : "you changed the clinical values of your "
                                    + organ
                                    + " transplant request. Your waiting time goes on, but the"
                                    + " request counts for allocation again only once your"
                                    + " transplant centre has checked the change: "
                                    + String.join(", ", request.unverifiedFields())
                                    + ".";
            case WAITING ->
                    "your transplant centre has checked your "
                            + organ
                            + " transplant request and it is now on the waiting list, with"
                            + " urgency "
                            + request.urgency()
                            + " of 5 as your centre assessed it.";
            case MATCHED ->
                    "a donor "
                            + organ
                            + " has been matched to your request. Your transplant team will"
                            + " contact you.";
            case TRANSPLANTED ->
                    "your " + organ + " transplant is recorded. We wish you a good recovery.";
            case REMOVED ->
                    "your "
                            + organ
                            + " transplant request was taken off the waiting list by a"
                            + " coordinator. Their reason: "
                            + request.removalReason();
        };
    }
}
