package org.ramsetu.platform.reporting;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.blob.BlobContent;
import org.ramsetu.infra.blob.BlobKey;
import org.ramsetu.infra.blob.BlobStore;
import org.ramsetu.infra.blob.StoredBlob;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.WorkContext;
import org.ramsetu.infra.schedule.WorkInterruptedException;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.coordination.ExportKinds;
import org.ramsetu.platform.coordination.LargeExports;
import org.ramsetu.platform.coordination.RegistryExport;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coordinator exports above the row threshold, as background jobs: the request records the export
 * and schedules {@code report.export} in one transaction and answers {@code 202}; a worker streams
 * the rows from a database cursor into a temporary file (memory stays at one fetch of rows) and
 * stores it in the blob store; the requester follows its progress and downloads the file, and that
 * download, when the records leave RamSetu, is audited like a streamed export.
 */
final class ExportJobs implements LargeExports {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, kind, filters, requested_by, requested_at, status, rows_total, rows_written,
            started_at, finished_at, blob_key, bytes, sha256
            """;

    static final String WORK = "report.export";

    private static final Logger LOG = LoggerFactory.getLogger(ExportJobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    /** An export as its row records it; {@code rowsTotal} is null until the job counted. */
    record Export(
            UUID id,
            String kind,
            Map<String, String> filters,
            UUID requestedBy,
            Instant requestedAt,
            String status,
            Long rowsTotal,
            long rowsWritten,
            Instant startedAt,
            Instant finishedAt,
            BlobKey file,
            Long bytes) {

        boolean ready() {
            return "READY".equals(status);
        }
    }

    private final OneTimeWork<ExportJobData> work =
            new OneTimeWork<>(WORK, ExportJobData.class, this::run);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate progressWrites;
    private final RegistryExport export;
    private final BlobStore blobs;
    private final ObjectProvider<WorkScheduler> scheduler;
    private final ReportingProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    ExportJobs(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            RegistryExport export,
            BlobStore blobs,
            ObjectProvider<WorkScheduler> scheduler,
            ReportingProperties properties,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.progressWrites = new TransactionTemplate(transactions.getTransactionManager());
        progressWrites.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.export = export;
        this.blobs = blobs;
        this.scheduler = scheduler;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    OneTimeWork<ExportJobData> work() {
        return work;
    }

    @Override
    public Optional<Queued> queueIfLarge(
            CurrentUser coordinator,
            String kind,
            Map<String, String> filters,
            ListQuery.Statement query) {
        WorkScheduler jobs = scheduler.getIfAvailable();
        if (jobs == null) {
            // No scheduler on this target: streaming, as before, still answers.
            return Optional.empty();
        }
        long threshold = properties.exportAsyncThreshold();
        long rows = export.count(query, threshold + 1);
        if (rows <= threshold) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        transactions.executeWithoutResult(
                status -> {
                    jdbc.sql(
                                    """
                                    insert into report_export (id, kind, filters, requested_by,
                                        requested_at, status)
                                    values (:id, :kind, cast(:filters as jsonb), :by, :at, 'QUEUED')
                                    """)
                            .param("id", id)
                            .param("kind", kind)
                            .param("filters", JSON.writeValueAsString(filters))
                            .param("by", coordinator.id())
                            .param("at", Timestamp.from(now))
                            .update();
                    jobs.schedule(work, id.toString(), new ExportJobData(id.toString()), now);
                    audit.record(
                            AuditEntry.of(ReportAuditActions.EXPORT_QUEUED, AuditOutcome.SUCCESS)
                                    .by(coordinator.id(), coordinator.role())
                                    .on(kind, id)
                                    .with(
                                            Map.of(
                                                    "filters",
                                                    filters,
                                                    "rowsAtLeast",
                                                    rows,
                                                    "threshold",
                                                    threshold)));
                });
        return Optional.of(new Queued(id, statusUrl(id), rows));
    }

    static URI statusUrl(UUID id) {
        return URI.create("/api/v1/reports/exports/" + id);
    }

    /** The job's body; repeatable: a retry writes the whole file again under the same key. */
    void run(ExportJobData data, WorkContext context) throws IOException {
        UUID id = UUID.fromString(data.exportId());
        Optional<Export> found = find(id);
        if (found.isEmpty() || found.get().ready()) {
            LOG.info("export {} is {}; nothing to do", id, found.isEmpty() ? "gone" : "ready");
            return;
        }
        Export job = found.get();
        jdbc.sql(
                        "update report_export set status = 'RUNNING',"
                                + " started_at = coalesce(started_at, :now), rows_written = 0"
                                + " where id = :id and status <> 'READY'")
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        ListQuery.Statement query = ExportKinds.query(job.kind(), job.filters());
        long total = export.count(query, Long.MAX_VALUE);
        jdbc.sql("update report_export set rows_total = :total where id = :id")
                .param("id", id)
                .param("total", total)
                .update();
        context.progress(0, total, "exporting " + job.kind());
        Path file = Files.createTempFile("ramsetu-export-", ".csv");
        try {
            Progress progress = new Progress(id, total, context);
            long rows;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                rows = export.copy(query, out, progress::rowsWritten);
            }
            StoredBlob stored =
                    blobs.put(
                            BlobKey.of("reports/exports/" + id + "/ramsetu-" + job.kind() + ".csv"),
                            file,
                            ReportFiles.CSV_TYPE);
            context.effectOnce(
                    "ready",
                    "ready",
                    () ->
                            jdbc.sql(
                                            """
                                            update report_export
                                               set status = 'READY', rows_written = :rows,
                                                   rows_total = :rows, blob_key = :key,
                                                   bytes = :bytes, sha256 = :sha,
                                                   finished_at = :now
                                             where id = :id
                                            """)
                                    .param("id", id)
                                    .param("rows", rows)
                                    .param("key", stored.key().value())
                                    .param("bytes", stored.length())
                                    .param("sha", stored.sha256())
                                    .param("now", Timestamp.from(clock.instant()))
                                    .update());
            context.progress(rows, rows, "export ready: " + rows + " rows");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Progress to the row (at most once a second) and the scheduler; stops for a shutdown. */
    private final class Progress {
        private final UUID id;
        private final long total;
        private final WorkContext context;
        private Instant lastWrite = Instant.MIN;

        Progress(UUID id, long total, WorkContext context) {
            this.id = id;
            this.total = total;
            this.context = context;
        }

        void rowsWritten(long done) {
            if (context.stopping()) {
                throw new WorkInterruptedException(WORK);
            }
            Instant now = clock.instant();
            if (Duration.between(lastWrite, now).compareTo(PROGRESS_EVERY) < 0 && done < total) {
                return;
            }
            lastWrite = now;
            // Its own transaction: the export's read-only cursor transaction is open on this
            // thread, and both writes (ours and the scheduler's) would otherwise join it and fail.
            progressWrites.executeWithoutResult(
                    status -> {
                        jdbc.sql("update report_export set rows_written = :done where id = :id")
                                .param("id", id)
                                .param("done", done)
                                .update();
                        context.progress(done, total, "exporting");
                    });
        }
    }

    /** The export if {@code coordinator} asked for it: another's export is not disclosed. */
    Optional<Export> findFor(CurrentUser coordinator, UUID id) {
        return find(id).filter(e -> e.requestedBy().equals(coordinator.id()));
    }

    Optional<Export> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from report_export where id = :id")
                .param("id", id)
                .query(ExportJobs::export)
                .optional();
    }

    /** The coordinator's own exports, newest first. */
    List<Export> listFor(CurrentUser coordinator, int limit) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from report_export where requested_by = :by"
                                + " order by requested_at desc limit :limit")
                .param("by", coordinator.id())
                .param("limit", limit)
                .query(ExportJobs::export)
                .list();
    }

    /** Opens a ready export's file and audits the download as the export of its records. */
    Optional<BlobContent> download(CurrentUser coordinator, Export ready) {
        Optional<BlobContent> content = blobs.get(ready.file());
        content.ifPresent(
                c ->
                        audit.record(
                                AuditEntry.of(ReportAuditActions.EXPORTED, AuditOutcome.SUCCESS)
                                        .by(coordinator.id(), coordinator.role())
                                        .on(ready.kind(), "export")
                                        .with(
                                                Map.of(
                                                        "filters",
                                                        ready.filters(),
                                                        "rows",
                                                        ready.rowsWritten(),
                                                        "exportId",
                                                        ready.id().toString()))));
        return content;
    }

    /** Deletes the files and rows of exports finished before the retention; returns how many. */
    int deleteExpired(WorkContext context) {
        Instant before = clock.instant().minus(properties.exportRetention());
        int deleted = 0;
        while (!context.stopping()) {
            List<Export> expired =
                    jdbc.sql(
                                    "select "
                                            + COLUMNS
                                            + " from report_export where status = 'READY'"
                                            + " and finished_at < :before order by finished_at"
                                            + " limit 100")
                            .param("before", Timestamp.from(before))
                            .query(ExportJobs::export)
                            .list();
            if (expired.isEmpty()) {
                break;
            }
            for (Export e : expired) {
                // File first: a crash in between leaves a row whose file is gone, removed next
                // time.
                blobs.delete(e.file());
                jdbc.sql("delete from report_export where id = :id").param("id", e.id()).update();
                deleted++;
            }
            context.progress(deleted, 0, "deleted " + deleted + " expired exports");
        }
        return deleted;
    }

    @SuppressWarnings("unchecked")
    private static Export export(ResultSet rs, int row) throws SQLException {
        Map<String, Object> raw = JSON.readValue(rs.getString("filters"), Map.class);
        Map<String, String> filters = new LinkedHashMap<>();
        raw.forEach((k, v) -> filters.put(k, v == null ? null : v.toString()));
        String key = rs.getString("blob_key");
        return new Export(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                filters,
                rs.getObject("requested_by", UUID.class),
                instant(rs, "requested_at"),
                rs.getString("status"),
                rs.getObject("rows_total", Long.class),
                rs.getLong("rows_written"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                key == null ? null : BlobKey.of(key),
                rs.getObject("bytes", Long.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
