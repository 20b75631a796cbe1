package org.ramsetu.platform.allocation.offers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.MailTemplate;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.centres.CentreCoordinatorView;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.identity.AccountId;

/**
 * Tells the parties of an offer what happened, queued in the transaction of the change and keyed by
 * offer and event. Offers are anonymous: a centre learns its patient's listing reference and the
 * run to read the donor's clinical facts from, never who the donor was; the coordinator who offered
 * learns the rank that accepted, never the patient. Donors' families and patients get no mail from
 * offers (a patient's request becoming MATCHED is told as any status change is).
 */
class OfferMails {

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'IST'", Locale.ENGLISH).withZone(INDIA);

    private static final MailTemplate TO_CENTRE =
            new MailTemplate(
                    "organ-offer-centre",
                    "RamSetu: {{subject}}",
                    """
                    Hello {{name}},

                    {{message}}

                    Organ: {{organ}}
                    Your patient's listing: {{requestId}}
                    Offer: {{offerId}} (rank {{rank}} of allocation run {{runId}})

                    Sign in to RamSetu to see the donor's clinical facts and to answer.
                    """,
                    """
                    <p>Hello {{name}},</p>
                    <p>{{message}}</p>
                    <p>Organ: <b>{{organ}}</b><br>
                    Your patient's listing: {{requestId}}<br>
                    Offer: {{offerId}} (rank {{rank}} of allocation run {{runId}})</p>
                    <p>Sign in to RamSetu to see the donor's clinical facts and to answer.</p>
                    """);

    private static final MailTemplate TO_OFFERING_COORDINATOR =
            new MailTemplate(
                    "organ-offer-outcome",
                    "RamSetu: {{subject}}",
                    """
                    Hello {{name}},

                    {{message}}

                    Organ: {{organ}} of donation case {{caseId}}
                    Allocation run: {{runId}}
                    """,
                    """
                    <p>Hello {{name}},</p>
                    <p>{{message}}</p>
                    <p>Organ: <b>{{organ}}</b> of donation case {{caseId}}<br>
                    Allocation run: {{runId}}</p>
                    """);

    private final @Nullable QueuedMail mail;
    private final ListingCentres centres;
    private final Contacts contacts;

    OfferMails(@Nullable QueuedMail mail, ListingCentres centres, Contacts contacts) {
        this.mail = mail;
        this.centres = centres;
        this.contacts = contacts;
    }

    void offered(OfferSequence s, OrganOffer o) {
        toCentre(
                s,
                o,
                "offered",
                organ(s) + " offered for your patient, answer by " + TIME.format(o.respondBy()),
                "A "
                        + organ(s)
                        + " is offered for your patient on the waiting list. Answer by "
                        + TIME.format(o.respondBy())
                        + ": accept, provisional yes (pending a crossmatch or an assessment) or"
                        + " decline with a reason. Without an answer by then the offer counts as"
                        + " declined and the next candidate is offered.");
    }

    void expired(OfferSequence s, OrganOffer o) {
        toCentre(
                s,
                o,
                "expired",
                "the " + organ(s) + " offer for your patient expired",
                "The "
                        + organ(s)
                        + " offered for your patient was not answered by "
                        + TIME.format(o.respondBy())
                        + ". It counts as declined for no response and was offered to the next"
                        + " candidate.");
    }

    void withdrawn(OfferSequence s, OrganOffer o) {
        toCentre(
                s,
                o,
                "withdrawn",
                "the " + organ(s) + " offered for your patient was placed elsewhere",
                "The "
                        + organ(s)
                        + " offered for your patient was accepted by a centre higher on the list"
                        + " or answering first. No answer is needed any more.");
    }

    void accepted(OfferSequence s, OrganOffer o) {
        toOfferingCoordinator(
                s,
                "accepted",
                "the " + organ(s) + " was accepted",
                "The "
                        + organ(s)
                        + " you offered was accepted by the centre of the candidate at rank "
                        + o.rank()
                        + " at "
                        + TIME.format(o.answeredAt())
                        + ". Every other open offer was withdrawn.");
    }

    void exhausted(OfferSequence s) {
        toOfferingCoordinator(
                s,
                "exhausted",
                "no centre accepted the " + organ(s),
                "Every candidate of the allocation run was offered the "
                        + organ(s)
                        + " and none accepted. Run allocation again to reach candidates listed"
                        + " since, or record what happens to the organ on the case.");
    }

    private void toCentre(
            OfferSequence s, OrganOffer o, String event, String subject, String message) {
        if (mail == null) {
            return;
        }
        for (CentreCoordinatorView coordinator :
                centres.coordinators(new TransplantCentreId(o.centreId()))) {
            mail.send(
                    TO_CENTRE.compose(
                            "organ-offer:" + o.id() + ":" + event + ":" + coordinator.accountId(),
                            new MailAddress(coordinator.email(), coordinator.fullName()),
                            Map.of(
                                    "name", coordinator.fullName(),
                                    "subject", subject,
                                    "message", message,
                                    "organ", organ(s),
                                    "requestId", o.requestId().toString(),
                                    "offerId", o.id().toString(),
                                    "rank", Integer.toString(o.rank()),
                                    "runId", s.runId().toString())));
        }
    }

    private void toOfferingCoordinator(
            OfferSequence s, String event, String subject, String message) {
        if (mail == null) {
            return;
        }
        UUID by = s.startedBy();
        contacts.of(new AccountId(by))
                .ifPresent(
                        c ->
                                mail.send(
                                        TO_OFFERING_COORDINATOR.compose(
                                                "offer-sequence:" + s.id() + ":" + event,
                                                new MailAddress(c.email(), c.fullName()),
                                                Map.of(
                                                        "name", c.fullName(),
                                                        "subject", subject,
                                                        "message", message,
                                                        "organ", organ(s),
                                                        "caseId", s.caseId().toString(),
                                                        "runId", s.runId().toString()))));
    }

    private static String organ(OfferSequence s) {
        return s.organ().name().toLowerCase(Locale.ROOT);
    }
}
