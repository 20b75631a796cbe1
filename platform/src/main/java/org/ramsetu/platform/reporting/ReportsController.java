package org.ramsetu.platform.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.blob.BlobContent;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.infra.schedule.WorkStatus;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Monthly registry reports and large exports ({@code /api/v1/reports}, coordinators only). Every
 * request is audited by the coordinator-request filter; asking for a report and downloading a file
 * are audited here as well, with what was asked.
 */
@Tag(name = "Reports", description = "Monthly registry reports and large exports")
@RestController
@RequestMapping("/api/v1/reports")
public class ReportsController {

    private static final int LIST_LIMIT = 120;

    /** The body of {@code POST /monthly}: {@code {"month": "2026-05"}}. */
    public record MonthRequest(@Schema(example = "2026-11") String month) {}

    private final MonthlyReports reports;
    private final ReportWorks works;
    private final ExportJobs exports;
    private final ObjectProvider<WorkScheduler> scheduler;
    private final AuditLog audit;
    private final Clock clock;

    ReportsController(
            MonthlyReports reports,
            ReportWorks works,
            ExportJobs exports,
            ObjectProvider<WorkScheduler> scheduler,
            AuditLog audit,
            Clock clock) {
        this.reports = reports;
        this.works = works;
        this.exports = exports;
        this.scheduler = scheduler;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(operationId = "listMonthlyReports")
    @GetMapping("/monthly")
    public ReportViews.MonthlyReportList monthly(CurrentUser user) {
        coordinatorOnly(user);
        return new ReportViews.MonthlyReportList(
                reports.list(LIST_LIMIT).stream().map(ReportViews.MonthlyReport::ready).toList());
    }

    /**
     * Asks for a month's report: {@code 202} with its status URL while it is generated, {@code 200}
     * with the report when the month has one already (a month is generated once).
     */
    @Operation(operationId = "requestMonthlyReport")
    @ApiResponse(
            responseCode = "200",
            description = "the month has its report already",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "202",
            description = "being generated; Location is its status",
            useReturnTypeSchema = true)
    @PostMapping("/monthly")
    public ResponseEntity<ReportViews.MonthlyReport> requestMonthly(
            CurrentUser user, @RequestBody(required = false) MonthRequest request) {
        coordinatorOnly(user);
        YearMonth month =
                ReportMonths.parseComplete(request == null ? null : request.month(), clock);
        Optional<MonthlyReports.Report> existing = reports.find(month);
        audit.record(
                AuditEntry.of(ReportAuditActions.REPORT_REQUESTED, AuditOutcome.SUCCESS)
                        .by(user.id(), user.role())
                        .on("monthly report", month)
                        .with(Map.of("existing", existing.isPresent())));
        if (existing.isPresent()) {
            return ResponseEntity.ok(ReportViews.MonthlyReport.ready(existing.get()));
        }
        WorkScheduler jobs =
                scheduler.getIfAvailable(
                        () -> {
                            throw ApiProblem.serviceUnavailable(
                                    "scheduler-unavailable",
                                    "Reports unavailable",
                                    "background work is not running on this instance",
                                    java.time.Duration.ofMinutes(1));
                        });
        jobs.schedule(
                works.generate(),
                month.toString(),
                new MonthlyReportJobData(month.toString(), user.id().toString()),
                clock.instant());
        ReportViews.MonthlyReport scheduled = ReportViews.MonthlyReport.scheduled(month);
        return ResponseEntity.accepted()
                .location(URI.create(scheduled.statusUrl()))
                .body(scheduled);
    }

    @Operation(operationId = "getMonthlyReport")
    @GetMapping("/monthly/{month}")
    public ReportViews.MonthlyReport monthlyStatus(CurrentUser user, @PathVariable String month) {
        coordinatorOnly(user);
        YearMonth wanted = ReportMonths.parse(month);
        Optional<MonthlyReports.Report> report = reports.find(wanted);
        if (report.isPresent()) {
            return ReportViews.MonthlyReport.ready(report.get());
        }
        WorkStatus status =
                Optional.ofNullable(scheduler.getIfAvailable())
                        .flatMap(s -> s.status(works.generate().name(), wanted.toString()))
                        .orElseThrow(() -> ApiProblem.notFound("monthly report", wanted));
        return ReportViews.MonthlyReport.generating(wanted, status);
    }

    @Operation(operationId = "downloadMonthlyReportCsv")
    @ApiResponse(
            responseCode = "200",
            description = "the report as CSV",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(types = "string", format = "binary"))
            })
    @GetMapping("/monthly/{month}/report.csv")
    public ResponseEntity<StreamingResponseBody> monthlyCsv(
            CurrentUser user, @PathVariable String month) {
        return monthlyFile(user, month, MonthlyReports.Format.CSV);
    }

    @Operation(operationId = "downloadMonthlyReportPdf")
    @ApiResponse(
            responseCode = "200",
            description = "the report as PDF",
            content = {
                @Content(
                        mediaType = "application/pdf",
                        schema = @Schema(types = "string", format = "binary"))
            })
    @GetMapping("/monthly/{month}/report.pdf")
    public ResponseEntity<StreamingResponseBody> monthlyPdf(
            CurrentUser user, @PathVariable String month) {
        return monthlyFile(user, month, MonthlyReports.Format.PDF);
    }

    @Operation(operationId = "listExports")
    @GetMapping("/exports")
    public ReportViews.ExportList exports(CurrentUser user) {
        coordinatorOnly(user);
        return new ReportViews.ExportList(
                exports.listFor(user, LIST_LIMIT).stream()
                        .map(e -> ReportViews.ExportView.of(e, null))
                        .toList());
    }

    @Operation(operationId = "getExport")
    @GetMapping("/exports/{id}")
    public ReportViews.ExportView export(CurrentUser user, @PathVariable UUID id) {
        coordinatorOnly(user);
        ExportJobs.Export export =
                exports.findFor(user, id).orElseThrow(() -> ApiProblem.notFound("export", id));
        WorkStatus job =
                export.ready()
                        ? null
                        : Optional.ofNullable(scheduler.getIfAvailable())
                                .flatMap(s -> s.status(ExportJobs.WORK, id.toString()))
                                .orElse(null);
        return ReportViews.ExportView.of(export, job);
    }

    @Operation(operationId = "downloadExport")
    @ApiResponse(
            responseCode = "200",
            description = "the finished export as CSV",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(types = "string", format = "binary"))
            })
    @GetMapping("/exports/{id}/download")
    public ResponseEntity<StreamingResponseBody> downloadExport(
            CurrentUser user, @PathVariable UUID id) {
        coordinatorOnly(user);
        ExportJobs.Export export =
                exports.findFor(user, id)
                        .filter(ExportJobs.Export::ready)
                        .orElseThrow(() -> ApiProblem.notFound("finished export", id));
        BlobContent content =
                exports.download(user, export)
                        .orElseThrow(() -> ApiProblem.notFound("export file", id));
        return file(content, "ramsetu-" + export.kind() + "-" + id + ".csv", ReportFiles.CSV_TYPE);
    }

    private ResponseEntity<StreamingResponseBody> monthlyFile(
            CurrentUser user, String month, MonthlyReports.Format format) {
        coordinatorOnly(user);
        YearMonth wanted = ReportMonths.parse(month);
        MonthlyReports.Report report =
                reports.find(wanted)
                        .orElseThrow(() -> ApiProblem.notFound("monthly report", wanted));
        BlobContent content =
                reports.open(report, format)
                        .orElseThrow(() -> ApiProblem.notFound("monthly report file", wanted));
        audit.record(
                AuditEntry.of(ReportAuditActions.REPORT_DOWNLOADED, AuditOutcome.SUCCESS)
                        .by(user.id(), user.role())
                        .on("monthly report", wanted)
                        .with(Map.of("format", format.name())));
        String extension = format == MonthlyReports.Format.CSV ? "csv" : "pdf";
        return file(
                content,
                "ramsetu-registry-report-" + wanted + "." + extension,
                format == MonthlyReports.Format.CSV ? ReportFiles.CSV_TYPE : ReportFiles.PDF_TYPE);
    }

    private static ResponseEntity<StreamingResponseBody> file(
            BlobContent content, String name, String type) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .contentLength(content.blob().length())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(
                        out -> {
                            try (InputStream in = content.stream()) {
                                in.transferTo(out);
                            }
                        });
    }

    private static void coordinatorOnly(CurrentUser user) {
        user.requireCoordinator("use reports and exports");
    }
}
