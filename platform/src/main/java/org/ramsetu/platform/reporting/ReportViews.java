package org.ramsetu.platform.reporting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.infra.schedule.WorkStatus;

/** The bodies of the reports API (docs/reports.md), one record per shape. */
public final class ReportViews {

    private ReportViews() {}

    /**
     * A month's registry report: ready with its totals and files, or still being generated.
     *
     * @param state {@code READY}, or the state of the generating work ({@code SCHEDULED}, {@code
     *     RUNNING}, {@code FAILED}, …)
     * @param generatedAt when it was generated; null until it is ready
     * @param scheduled true when the monthly schedule generated it, false when a coordinator asked
     * @param totals each measure's total for the month; null until ready
     * @param files the CSV and the PDF; empty until ready
     * @param done how far the generating work is (units of its own); null once ready
     * @param statusUrl where to follow it
     */
    public record MonthlyReport(
            String month,
            String state,
            @Nullable Instant generatedAt,
            @Nullable Boolean scheduled,
            @Nullable Map<String, Long> totals,
            List<ReportFile> files,
            @Nullable Long done,
            @Nullable Long total,
            @Nullable String message,
            @Nullable String error,
            String statusUrl) {

        static MonthlyReport ready(MonthlyReports.Report report) {
            String base = MonthlyReports.statusUrl(report.month());
            Map<String, Long> totals = new LinkedHashMap<>();
            report.totals().forEach((k, v) -> totals.put(k, ((Number) v).longValue()));
            return new MonthlyReport(
                    report.month().toString(),
                    "READY",
                    report.generatedAt(),
                    report.requestedBy() == null,
                    totals,
                    List.of(
                            new ReportFile("csv", report.csvBytes(), base + "/report.csv"),
                            new ReportFile("pdf", report.pdfBytes(), base + "/report.pdf")),
                    null,
                    null,
                    null,
                    null,
                    base);
        }

        static MonthlyReport generating(YearMonth month, WorkStatus status) {
            return new MonthlyReport(
                    month.toString(),
                    status.state().name(),
                    null,
                    null,
                    null,
                    List.of(),
                    status.done(),
                    status.total(),
                    status.message(),
                    status.error(),
                    MonthlyReports.statusUrl(month));
        }

        static MonthlyReport scheduled(YearMonth month) {
            return new MonthlyReport(
                    month.toString(),
                    "SCHEDULED",
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    MonthlyReports.statusUrl(month));
        }
    }

    /** One file of a report: {@code csv} or {@code pdf}, its size and where to download it. */
    public record ReportFile(
            @Schema(allowableValues = {"csv", "pdf"}) String format, long bytes, String url) {}

    /** The newest monthly reports, newest first. */
    public record MonthlyReportList(List<MonthlyReport> items) {}

    /**
     * A coordinator's large export (docs/reports.md).
     *
     * @param status {@code QUEUED}, {@code RUNNING}, {@code READY} or {@code FAILED}
     * @param rowsTotal rows to write; null until counted
     * @param percent rows written of the total; null until counted
     * @param bytes the file's size once ready
     * @param downloadUrl where to download it once ready
     * @param job the background work behind it, until it is ready
     */
    public record ExportView(
            UUID id,
            String kind,
            Map<String, String> filters,
            String status,
            long rowsWritten,
            @Nullable Long rowsTotal,
            @Nullable Integer percent,
            Instant requestedAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable Long bytes,
            @Nullable String downloadUrl,
            @Nullable ExportWork job) {

        static ExportView of(ExportJobs.Export export, @Nullable WorkStatus work) {
            Long total = export.rowsTotal();
            Integer percent =
                    total == null
                            ? null
                            : total == 0
                                    ? 100
                                    : (int) Math.min(100, export.rowsWritten() * 100 / total);
            return new ExportView(
                    export.id(),
                    export.kind(),
                    export.filters(),
                    export.status(),
                    export.rowsWritten(),
                    total,
                    percent,
                    export.requestedAt(),
                    export.startedAt(),
                    export.finishedAt(),
                    export.bytes(),
                    export.ready() ? ExportJobs.statusUrl(export.id()) + "/download" : null,
                    work == null
                            ? null
                            : new ExportWork(
                                    work.state().name(),
                                    work.message(),
                                    work.error(),
                                    work.scheduledFor()));
        }
    }

    /** The state of an export's background work, as the scheduler has it. */
    public record ExportWork(
            String state,
            @Nullable String message,
            @Nullable String error,
            @Nullable Instant scheduledFor) {}

    /** The coordinator's own exports, newest first. */
    public record ExportList(List<ExportView> items) {}
}
