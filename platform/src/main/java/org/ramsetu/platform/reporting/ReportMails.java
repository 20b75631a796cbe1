package org.ramsetu.platform.reporting;

import java.util.List;
import java.util.Map;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.MailTemplate;
import org.ramsetu.infra.mail.OutgoingMail;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.platform.accounts.Contacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Tells every coordinator that a month's report is ready, with links to it. The mail carries no
 * figure: a report is registry data, read after signing in (and audited), not left in mailboxes.
 * Keyed by month, so however often a month's report is recorded its mail is queued once.
 */
final class ReportMails {

    private static final MailTemplate READY =
            new MailTemplate(
                    "registry-report-ready",
                    "RamSetu: monthly registry report for {{monthName}} is ready",
                    """
                    The monthly registry report for {{monthName}} is ready.

                    Sign in to RamSetu as a coordinator to download it:
                    PDF: {{pdfUrl}}
                    CSV: {{csvUrl}}
                    Report details: {{statusUrl}}

                    For privacy this mail carries no figures.
                    """,
                    null);

    private static final Logger LOG = LoggerFactory.getLogger(ReportMails.class);

    private final QueuedMail mail;
    private final Contacts contacts;
    private final ReportingProperties properties;

    ReportMails(QueuedMail mail, Contacts contacts, ReportingProperties properties) {
        this.mail = mail;
        this.contacts = contacts;
        this.properties = properties;
    }

    /** Queues the mail in the transaction that recorded the report. */
    @EventListener
    void on(MonthlyReportRecorded recorded) {
        int to = reportReady(recorded.figures());
        LOG.info(
                "monthly registry report {} mailed to {} coordinators",
                recorded.figures().month(),
                to);
    }

    /** Queues the mail in the caller's transaction; returns how many coordinators it goes to. */
    private int reportReady(MonthlyFigures report) {
        List<MailAddress> all =
                contacts.coordinators().stream()
                        .map(c -> MailAddress.of(c.email(), c.fullName()))
                        .toList();
        String base = MonthlyReports.statusUrl(report.month());
        Map<String, String> values =
                Map.of(
                        "monthName", ReportFiles.monthName(report),
                        "pdfUrl", properties.link(base + "/report.pdf"),
                        "csvUrl", properties.link(base + "/report.csv"),
                        "statusUrl", properties.link(base));
        // A mail carries at most OutgoingMail.MAX_RECIPIENTS addresses: one mail per group.
        for (int from = 0, part = 1;
                from < all.size();
                from += OutgoingMail.MAX_RECIPIENTS, part++) {
            mail.send(
                    READY.compose(
                            "registry-report:" + report.month() + ":part-" + part,
                            all.subList(
                                    from, Math.min(all.size(), from + OutgoingMail.MAX_RECIPIENTS)),
                            values));
        }
        return all.size();
    }
}
