package org.ramsetu.platform.registry.pledges;

import java.util.Locale;
import java.util.Map;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.MailTemplate;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.identity.AccountId;
import org.springframework.context.event.EventListener;

/**
 * Tells the donor about every change of their pledge. Queued in the caller's transaction, so a
 * change that rolls back sends nothing; keyed by pledge and version, so a retried job sends the
 * same message once.
 */
public class PledgeMails {

    private static final MailTemplate STATUS =
            new MailTemplate(
                    "pledge-status",
                    "Your RamSetu {{organ}} pledge is {{status}}",
                    """
                    Hello {{name}},

                    {{message}}

                    Pledge: {{organ}}, reference {{pledgeId}}
                    Status: {{status}}

                    You can see your pledges at any time when you sign in to RamSetu.
                    """,
                    """
                    <p>Hello {{name}},</p>
                    <p>{{message}}</p>
                    <p>Pledge: {{organ}}, reference {{pledgeId}}<br>Status: <b>{{status}}</b></p>
                    <p>You can see your pledges at any time when you sign in to RamSetu.</p>
                    """);

    private final QueuedMail mail;
    private final Contacts contacts;

    public PledgeMails(QueuedMail mail, Contacts contacts) {
        this.mail = mail;
        this.contacts = contacts;
    }

    @EventListener
    void on(PledgeMade event) {
        statusChanged(event.pledge(), message(event.pledge()));
    }

    @EventListener
    void on(PledgeStatusChanged event) {
        // The account of someone who died is not written to: their family hears from the
        // donation team, in person, not from the registry.
        if (event.action() == PledgeAction.UNDO_VERIFY) {
            // The donor had been told it was verified: they are told plainly that it is not, yet.
            String organ = organ(event.pledge());
            statusChanged(
                    event.pledge(),
                    "the verification of your "
                            + organ
                            + " pledge a few minutes ago was taken back: a transplant coordinator"
                            + " will check the pledge and its reports again. We will write when"
                            + " they have. You need not do anything.");
        } else if (event.action() != PledgeAction.CLOSE_ON_DEATH) {
            statusChanged(event.pledge(), message(event.pledge()));
        }
    }

    /** Mails the donor the pledge's current status, in the transaction that set it. */
    private void statusChanged(Pledge pledge, String message) {
        Contacts.Contact donor =
                contacts.of(new AccountId(pledge.donorId()))
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "pledge " + pledge.id() + " has no donor account"));
        mail.send(
                STATUS.compose(
                        "pledge:" + pledge.id() + ":v" + pledge.version(),
                        new MailAddress(donor.email(), donor.fullName()),
                        Map.of(
                                "name", donor.fullName(),
                                "organ", organ(pledge),
                                "status", pledge.status().name(),
                                "pledgeId", pledge.id().toString(),
                                "message", message)));
    }

    private static String organ(Pledge pledge) {
        return pledge.organ().name().toLowerCase(Locale.ROOT);
    }

    private static String message(Pledge pledge) {
        String organ = organ(pledge);
        return switch (pledge.status()) {
            case PENDING ->
                    "thank you for pledging your "
                            + organ
                            + ". A transplant coordinator will check your pledge and its reports;"
                            + " we will write again when they have.";
            case VERIFIED ->
                    "a transplant coordinator has verified your "
                            + organ
                            + " pledge. It is now on the registry.";
            case REJECTED ->
                    "a transplant coordinator could not accept your "
                            + organ
                            + " pledge. Their reason: "
                            + pledge.rejectionReason();
            case WITHDRAWN ->
                    "you have withdrawn your "
                            + organ
                            + " pledge and your consent for it. It will not be offered to anyone."
                            + " You may pledge again whenever you wish.";
            case DONATED ->
                    "your pledged "
                            + organ
                            + " has been donated. Thank you, on behalf of the person who received"
                            + " it.";
        };
    }
}
