package org.ramsetu.platform.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.blob.BlobContent;
import org.ramsetu.infra.blob.BlobKey;
import org.ramsetu.infra.blob.BlobStore;
import org.ramsetu.infra.blob.StoredBlob;
import org.ramsetu.infra.schedule.WorkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates, records and finds the monthly registry reports. A month is generated once: its row
 * ({@code registry_report}, keyed by month) is written together with the coordinators' mail in one
 * exactly-once effect, and a second generation of the same month (a retry after a crash, the
 * schedule racing a coordinator's request) finds the row and stops, or, if it raced past the check,
 * loses the insert and removes its own files.
 */
final class MonthlyReports {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            month, generated_at, requested_by, csv_key, csv_bytes, csv_sha256, pdf_key, pdf_bytes,
            pdf_sha256, totals
            """;

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A generated report as its row records it. */
    record Report(
            YearMonth month,
            Instant generatedAt,
            UUID requestedBy,
            BlobKey csv,
            long csvBytes,
            BlobKey pdf,
            long pdfBytes,
            Map<String, Object> totals) {}

    /** Where a month's report is followed; its files are below it ({@code /report.pdf}). */
    static String statusUrl(YearMonth month) {
        return "/api/v1/reports/monthly/" + month;
    }

    enum Format {
        CSV,
        PDF
    }

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final RegistryCounts counts;
    private final ApplicationEventPublisher events;

    MonthlyReports(
            JdbcClient jdbc,
            BlobStore blobs,
            RegistryCounts counts,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.counts = counts;
        this.events = events;
    }

    /**
     * The body of both the monthly schedule and a coordinator's request: counts the month, stores
     * the CSV and PDF and records the report, unless the month has its report already. Recording it
     * announces {@link MonthlyReportRecorded}, which mails the coordinators.
     *
     * @param requestedBy the coordinator who asked, or {@code null} for the schedule
     */
    void generate(YearMonth month, UUID requestedBy, WorkContext context) {
        if (find(month).isPresent()) {
            context.progress(1, 1, "report for " + month + " exists");
            return;
        }
        context.progress(0, 3, "counting " + month);
        MonthlyFigures figures = counts.of(month);
        context.progress(1, 3, "storing the files of " + month);
        // A folder per execution: a retry of this execution overwrites its own files, and a losing
        // racer (the schedule and a coordinator's request at once) deletes only its own.
        UUID execution =
                UUID.nameUUIDFromBytes(
                        (context.workName()
                                        + "|"
                                        + context.instanceId()
                                        + "|"
                                        + context.scheduledFor().toEpochMilli())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BlobKey folder = BlobKey.of("reports/monthly/" + month + "/" + execution);
        String name = "ramsetu-registry-report-" + month;
        StoredBlob csv =
                blobs.put(
                        folder.resolve(name + ".csv"),
                        ReportFiles.csv(figures),
                        ReportFiles.CSV_TYPE);
        StoredBlob pdf =
                blobs.put(
                        folder.resolve(name + ".pdf"),
                        ReportFiles.pdf(figures),
                        ReportFiles.PDF_TYPE);
        context.progress(2, 3, "recording " + month);
        boolean recorded =
                context.effectOnce(
                                "recorded",
                                "recorded",
                                () -> {
                                    boolean inserted = insert(figures, requestedBy, csv, pdf);
                                    if (inserted) {
                                        // The coordinators' mail listens, in this transaction.
                                        events.publishEvent(
                                                new MonthlyReportRecorded(figures, requestedBy));
                                        LOG.info("monthly registry report {} recorded", month);
                                    }
                                    return inserted;
                                })
                        .orElse(true);
        if (!recorded) {
            // Another generation recorded this month first; its files are the report.
            blobs.delete(csv.key());
            blobs.delete(pdf.key());
        }
        context.progress(3, 3, "report for " + month + " ready");
    }

    Optional<Report> find(YearMonth month) {
        return jdbc.sql("select " + COLUMNS + " from registry_report where month = :month")
                .param("month", month.atDay(1))
                .query(MonthlyReports::report)
                .optional();
    }

    /** The newest first. */
    List<Report> list(int limit) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from registry_report order by month desc limit :limit")
                .param("limit", limit)
                .query(MonthlyReports::report)
                .list();
    }

    Optional<BlobContent> open(Report report, Format format) {
        return blobs.get(format == Format.CSV ? report.csv() : report.pdf());
    }

    private boolean insert(
            MonthlyFigures figures, UUID requestedBy, StoredBlob csv, StoredBlob pdf) {
        return jdbc.sql(
                                """
                                insert into registry_report (month, generated_at, requested_by,
                                    csv_key, csv_bytes, csv_sha256, pdf_key, pdf_bytes, pdf_sha256,
                                    totals)
                                values (:month, :at, :by, :csvKey, :csvBytes, :csvSha, :pdfKey,
                                    :pdfBytes, :pdfSha, cast(:totals as jsonb))
                                on conflict (month) do nothing
                                """)
                        .param("month", figures.month().atDay(1))
                        .param("at", Timestamp.from(figures.generatedAt()))
                        .param("by", requestedBy)
                        .param("csvKey", csv.key().value())
                        .param("csvBytes", csv.length())
                        .param("csvSha", csv.sha256())
                        .param("pdfKey", pdf.key().value())
                        .param("pdfBytes", pdf.length())
                        .param("pdfSha", pdf.sha256())
                        .param("totals", JSON.writeValueAsString(figures.totals()))
                        .update()
                == 1;
    }

    @SuppressWarnings("unchecked")
    private static Report report(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Report(
                YearMonth.from(rs.getObject("month", java.time.LocalDate.class)),
                rs.getTimestamp("generated_at").toInstant(),
                rs.getObject("requested_by", UUID.class),
                BlobKey.of(rs.getString("csv_key")),
                rs.getLong("csv_bytes"),
                BlobKey.of(rs.getString("pdf_key")),
                rs.getLong("pdf_bytes"),
                JSON.readValue(rs.getString("totals"), Map.class));
    }
}
