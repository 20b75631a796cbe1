package org.ramsetu.platform.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.MailTemplate;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.schedule.WorkContext;
import org.ramsetu.infra.schedule.WorkInterruptedException;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.accounts.Contacts.Contact;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.attention.ReminderView;
import org.ramsetu.platform.registry.attention.Reminders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The body of {@code registry.reminders}: one digest mail per coordinator and day listing what the
 * console's reminders list shows. A coordinator's mail is queued in the same transaction as the
 * {@code reminder_digest} row that says it went out, behind {@link WorkContext#effectOnce}; so a
 * run resumed after a crash skips the coordinators already mailed, and a second run on the same day
 * (a retried or manually triggered execution) finds the row and mails nobody twice. The mail
 * queue's idempotency key is the same pair, a third guard.
 *
 * <p>No patient or donor names go into the mail: request and pledge ids, organ, centre and dates
 * are enough to find each record on the console, where reading it is audited.
 */
public class ReminderDigests {

    public static final String NAME = "registry.reminders";

    private static final int COORDINATORS_PER_READ = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private static final MailTemplate DIGEST =
            new MailTemplate(
                    "reminders-digest",
                    "RamSetu reminders for {{day}}: {{listingsCount}} listings to verify,"
                            + " {{labsCount}} labs due, {{pledgesCount}} pledges to verify",
                    """
                    Hello {{name}},

                    Transplant requests waiting longer than {{listingsAfter}} for their centre's                     verification (out of allocation until verified): {{listingsCount}}
                    {{listings}}

                    Waiting listings whose labs are due for recertification within {{labsWithin}} \
                    (most overdue first): {{labsCount}}
                    {{labs}}

                    Pledges waiting for verification longer than {{pendingAfter}}: {{pledgesCount}}
                    {{pledges}}

                    {{console}}
                    """,
                    """
                    <p>Hello {{name}},</p>
                    <p>Transplant requests waiting longer than {{listingsAfter}} for their                     centre's verification (out of allocation until verified):                     <b>{{listingsCount}}</b></p>
                    <pre>{{listings}}</pre>
                    <p>Waiting listings whose labs are due for recertification within \
                    {{labsWithin}} (most overdue first): <b>{{labsCount}}</b></p>
                    <pre>{{labs}}</pre>
                    <p>Pledges waiting for verification longer than {{pendingAfter}}: \
                    <b>{{pledgesCount}}</b></p>
                    <pre>{{pledges}}</pre>
                    <p>{{console}}</p>
                    """);

    private final Reminders reminders;
    private final QueuedMail mail;
    private final Contacts contacts;
    private final JdbcClient jdbc;
    private final RemindersProperties properties;
    private final Clock clock;

    public ReminderDigests(
            Reminders reminders,
            QueuedMail mail,
            Contacts contacts,
            JdbcClient jdbc,
            RemindersProperties properties,
            Clock clock) {
        this.reminders = reminders;
        this.mail = mail;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** What every coordinator's mail of one day lists. */
    record Digest(
            Reminders.Counts counts,
            List<ReminderView> labs,
            List<ReminderView> pledges,
            List<ReminderView> listings) {

        boolean empty() {
            return counts.labsDue() == 0
                    && counts.pledgesPending() == 0
                    && counts.listingsPending() == 0;
        }
    }

    public void run(WorkContext ctx) {
        ZoneId zone = properties.zoneId();
        LocalDate day = LocalDate.ofInstant(ctx.scheduledFor(), zone);
        Digest digest = digest(Sql.now(clock));
        if (digest.empty()) {
            ctx.progress(0, 0, "nothing to remind coordinators of on " + day);
            return;
        }
        long total = contacts.coordinatorCount();
        AccountId after =
                ctx.checkpoint()
                        .filter(c -> !c.isEmpty())
                        .map(UUID::fromString)
                        .map(AccountId::new)
                        .orElse(null);
        long done = 0;
        while (true) {
            List<Contact> page = contacts.coordinatorsAfter(after, COORDINATORS_PER_READ);
            for (Contact c : page) {
                if (ctx.stopping()) {
                    throw new WorkInterruptedException(NAME);
                }
                ctx.effectOnce(
                        "digest:" + c.id(), c.id().toString(), () -> send(c, day, digest, zone));
                after = new AccountId(c.id());
                done++;
                ctx.progress(done, Math.max(done, total), "digests for " + day);
            }
            if (page.size() < COORDINATORS_PER_READ) {
                return;
            }
        }
    }

    /** The day's lists as of {@code now}, at most {@code digest-items} of each kind. */
    Digest digest(Instant now) {
        int items = properties.digestItems();
        return new Digest(
                reminders.count(now),
                reminders.list(ReminderView.LABS_DUE, now, null, items).stream()
                        .map(Reminders.Reminder::view)
                        .toList(),
                reminders.list(ReminderView.PLEDGE_PENDING, now, null, items).stream()
                        .map(Reminders.Reminder::view)
                        .toList(),
                reminders.list(ReminderView.LISTING_PENDING, now, null, items).stream()
                        .map(Reminders.Reminder::view)
                        .toList());
    }

    private void send(Contact c, LocalDate day, Digest digest, ZoneId zone) {
        boolean first =
                jdbc.sql(
                                        """
                                        insert into reminder_digest (coordinator_id, digest_on,
                                            labs_due, pledges_pending, queued_at)
                                        values (:id, :day, :labs, :pledges, :now)
                                        on conflict do nothing
                                        """)
                                .param("id", c.id())
                                .param("day", day)
                                .param("labs", digest.counts().labsDue())
                                .param("pledges", digest.counts().pledgesPending())
                                .param("now", Sql.timestamp(Sql.now(clock)))
                                .update()
                        > 0;
        if (!first) {
            return;
        }
        mail.send(
                DIGEST.compose(
                        "reminders-digest:" + day + ":" + c.id(),
                        new MailAddress(c.email(), c.fullName()),
                        Map.ofEntries(
                                Map.entry("name", c.fullName()),
                                Map.entry("day", DAY.format(day)),
                                Map.entry("listingsAfter", span(properties.listingPendingAfter())),
                                Map.entry(
                                        "listingsCount",
                                        Long.toString(digest.counts().listingsPending())),
                                Map.entry(
                                        "listings",
                                        lines(
                                                digest.listings(),
                                                digest.counts().listingsPending(),
                                                zone)),
                                Map.entry("labsWithin", span(properties.labsDueWithin())),
                                Map.entry("pendingAfter", span(properties.pledgePendingAfter())),
                                Map.entry("labsCount", Long.toString(digest.counts().labsDue())),
                                Map.entry(
                                        "pledgesCount",
                                        Long.toString(digest.counts().pledgesPending())),
                                Map.entry(
                                        "labs",
                                        lines(digest.labs(), digest.counts().labsDue(), zone)),
                                Map.entry(
                                        "pledges",
                                        lines(
                                                digest.pledges(),
                                                digest.counts().pledgesPending(),
                                                zone)),
                                Map.entry("console", console()))));
    }

    /** One line per item, then how many more the console shows. */
    static String lines(List<ReminderView> items, long count, ZoneId zone) {
        if (items.isEmpty()) {
            return "  none";
        }
        StringBuilder out = new StringBuilder();
        for (ReminderView r : items) {
            out.append("  - ").append(line(r, zone)).append('\n');
        }
        if (count > items.size()) {
            out.append("  … and ").append(count - items.size()).append(" more on the console\n");
        }
        return out.toString().stripTrailing();
    }

    static String line(ReminderView r, ZoneId zone) {
        String due = DAY.format(LocalDate.ofInstant(r.dueAt(), zone));
        String place =
                !ReminderView.PLEDGE_PENDING.equals(r.kind())
                        ? orBlank(r.hospitalName())
                                + ", "
                                + orBlank(r.city())
                                + " ("
                                + orBlank(r.state())
                                + ")"
                        : "donor in " + orBlank(r.city()) + " (" + orBlank(r.state()) + ")";
        String organ = r.organ().toLowerCase(Locale.ROOT);
        if (ReminderView.LABS_DUE.equals(r.kind())) {
            return "request "
                    + r.id()
                    + " · "
                    + organ
                    + (r.meld() == null ? "" : " · MELD " + r.meld())
                    + " · "
                    + place
                    + " · labs "
                    + (r.overdue() ? "overdue since " : "due ")
                    + due;
        }
        if (ReminderView.LISTING_PENDING.equals(r.kind())) {
            return "request "
                    + r.id()
                    + " · "
                    + organ
                    + " · "
                    + place
                    + " · awaiting verification since "
                    + DAY.format(LocalDate.ofInstant(r.since(), zone));
        }
        return "pledge "
                + r.id()
                + " · "
                + organ
                + " · "
                + place
                + " · pending since "
                + DAY.format(LocalDate.ofInstant(r.since(), zone));
    }

    private String console() {
        return properties.consoleUrl().isEmpty()
                ? "Open Reminders on the dashboard of the RamSetu coordinator console for the full"
                        + " lists."
                : "Full lists: " + properties.consoleUrl() + "/coordinator/dashboard";
    }

    private static String orBlank(String value) {
        return value == null ? "?" : value;
    }

    /** 7 days, 36 hours, 90 minutes. */
    static String span(Duration d) {
        if (d.toHours() % 24 == 0 && d.toDays() > 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMinutes() + " minutes";
    }
}
