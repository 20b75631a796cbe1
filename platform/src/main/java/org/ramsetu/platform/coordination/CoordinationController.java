package org.ramsetu.platform.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.directory.CoordinatorDirectory;
import org.ramsetu.platform.registry.directory.DirectoryEntry;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.PageLimit;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinators' registry work (all under {@code /api/v1/admin}, coordinator-only): donor and
 * patient directories with search, CSV exports of every list, dashboard figures.
 */
@Tag(name = "Coordination", description = "Directories, exports and statistics for coordinators")
@RestController
@RequestMapping("/api/v1/admin")
public class CoordinationController {

    static final String LISTED = "MEDICAL_RECORDS_LISTED";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CoordinatorDirectory directory;
    private final RegistryExport export;
    private final RegistryStatistics statistics;
    private final AuditLog audit;
    private final LargeExports largeExports;

    /**
     * @param largeExports queues exports above its threshold; {@code null} streams every export
     */
    public CoordinationController(
            CoordinatorDirectory directory,
            RegistryExport export,
            RegistryStatistics statistics,
            AuditLog audit,
            LargeExports largeExports) {
        this.directory = directory;
        this.export = export;
        this.statistics = statistics;
        this.audit = audit;
        this.largeExports = largeExports;
    }

    @Operation(operationId = "listDonors")
    @GetMapping("/donors")
    public Page<DirectoryEntry> donors(
            CurrentUser coordinator,
            DirectoryParams params,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return listed(
                coordinator,
                CoordinatorDirectory.Side.DONORS,
                params,
                PageRequest.of(limit, after));
    }

    @Operation(operationId = "listPatients")
    @GetMapping("/patients")
    public Page<DirectoryEntry> patients(
            CurrentUser coordinator,
            DirectoryParams params,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return listed(
                coordinator,
                CoordinatorDirectory.Side.PATIENTS,
                params,
                PageRequest.of(limit, after));
    }

    /** One donor's directory entry (name, e-mail, place, open pledges), for their record page. */
    @Operation(operationId = "getDonorEntry")
    @GetMapping("/donors/{accountId}")
    public DirectoryEntry donor(CurrentUser coordinator, @PathVariable UUID accountId) {
        return entry(coordinator, CoordinatorDirectory.Side.DONORS, accountId);
    }

    /**
     * One patient's directory entry (name, e-mail, treating hospital, waiting requests), for their
     * record page.
     */
    @Operation(operationId = "getPatientEntry")
    @GetMapping("/patients/{accountId}")
    public DirectoryEntry patient(CurrentUser coordinator, @PathVariable UUID accountId) {
        return entry(coordinator, CoordinatorDirectory.Side.PATIENTS, accountId);
    }

    @Operation(operationId = "exportDonors")
    @ExportResponses
    @GetMapping("/donors/export")
    public ResponseEntity<StreamingResponseBody> exportDonors(
            CurrentUser coordinator, DirectoryParams params) {
        return csv(coordinator, "donors", params.given());
    }

    @Operation(operationId = "exportPatients")
    @ExportResponses
    @GetMapping("/patients/export")
    public ResponseEntity<StreamingResponseBody> exportPatients(
            CurrentUser coordinator, DirectoryParams params) {
        return csv(coordinator, "patients", params.given());
    }

    @Operation(operationId = "exportPledges")
    @ExportResponses
    @GetMapping("/pledges/export")
    public ResponseEntity<StreamingResponseBody> exportPledges(
            CurrentUser coordinator, RecordParams params) {
        return csv(coordinator, "pledges", params.given());
    }

    @Operation(operationId = "exportTransplantRequests")
    @ExportResponses
    @GetMapping("/transplant-requests/export")
    public ResponseEntity<StreamingResponseBody> exportRequests(
            CurrentUser coordinator, RecordParams params) {
        return csv(coordinator, "transplant-requests", params.given());
    }

    @Operation(operationId = "getRegistryStatistics")
    @GetMapping("/stats")
    public RegistryStatistics.Stats stats() {
        return statistics.current();
    }

    private void audited(
            CurrentUser coordinator, CoordinatorDirectory.Side side, List<DirectoryEntry> read) {
        if (read.isEmpty()) {
            return;
        }
        audit.record(
                AuditEntry.of(LISTED, AuditOutcome.SUCCESS)
                        .by(coordinator.id(), coordinator.role())
                        .on(profileKind(side), "list")
                        .with(
                                Map.of(
                                        "accountIds",
                                        read.stream()
                                                .map(e -> e.accountId().toString())
                                                .toList())));
    }

    private static String profileKind(CoordinatorDirectory.Side side) {
        return side == CoordinatorDirectory.Side.DONORS ? "donor profile" : "patient profile";
    }

    /**
     * An export too large to stream in the request, queued as a job.
     *
     * @param rowsAtLeast how many rows the export has at least (counting stopped there)
     * @param statusUrl where the job's state and, once done, its download are
     */
    public record QueuedExport(
            UUID id, String kind, String status, long rowsAtLeast, String statusUrl) {}

    /**
     * Streams the export now, or, above the large-export threshold, answers {@code 202} with the
     * queued job's id and status URL (the body is written here as JSON because the route's return
     * type is the streaming one).
     */
    private ResponseEntity<StreamingResponseBody> csv(
            CurrentUser coordinator, String kind, Map<String, String> filters) {
        ListQuery.Statement query = ExportKinds.query(kind, filters);
        Optional<LargeExports.Queued> queued =
                largeExports == null
                        ? Optional.empty()
                        : largeExports.queueIfLarge(coordinator, kind, filters, query);
        if (queued.isPresent()) {
            LargeExports.Queued job = queued.get();
            byte[] json =
                    JSON.writeValueAsBytes(
                            new QueuedExport(
                                    job.id(),
                                    kind,
                                    "QUEUED",
                                    job.rowsAtLeast(),
                                    job.status().toString()));
            return ResponseEntity.accepted()
                    .location(job.status())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(out -> out.write(json));
        }
        String name = "ramsetu-" + kind + "-" + LocalDate.now() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> export.write(coordinator, kind, filters, query, out));
    }

    /** Audited as a page of one: the directory's reads are listed, whoever reads them. */
    private DirectoryEntry entry(
            CurrentUser coordinator, CoordinatorDirectory.Side side, UUID accountId) {
        DirectoryEntry entry =
                directory
                        .one(side, new AccountId(accountId))
                        .orElseThrow(() -> new NotFound(profileKind(side), accountId));
        audited(coordinator, side, List.of(entry));
        return entry;
    }

    /** One audit entry per page a coordinator lists, naming every record on it. */
    private Page<DirectoryEntry> listed(
            CurrentUser coordinator,
            CoordinatorDirectory.Side side,
            DirectoryParams params,
            PageRequest request) {
        Page<DirectoryEntry> page = directory.page(side, params.filter(), request);
        audited(coordinator, side, page.items());
        return page;
    }
}
