package org.ramsetu.platform.coordination;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.registry.common.BloodGroupFilter;
import org.ramsetu.platform.registry.common.Fields;
import org.ramsetu.platform.registry.common.IndianStates;
import org.ramsetu.platform.registry.common.ListQuery;
import org.ramsetu.platform.registry.common.Location;
import org.ramsetu.platform.registry.pledges.PledgeFilter;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.registry.requests.RequestFilter;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Page;
import org.ramsetu.platform.web.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The coordinators' registry work (all under {@code /api/v1/admin}, coordinator-only): donor and
 * patient directories with search, CSV exports of every list, dashboard figures.
 */
@RestController
@RequestMapping("/api/v1/admin")
public class CoordinationController {

    static final String LISTED = "MEDICAL_RECORDS_LISTED";

    private final CoordinatorDirectory directory;
    private final RegistryExport export;
    private final RegistryStatistics statistics;
    private final AuditLog audit;

    public CoordinationController(
            CoordinatorDirectory directory,
            RegistryExport export,
            RegistryStatistics statistics,
            AuditLog audit) {
        this.directory = directory;
        this.export = export;
        this.statistics = statistics;
        this.audit = audit;
    }

    @GetMapping("/donors")
    public Page<DirectoryEntry> donors(
            CurrentUser coordinator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String bloodGroup,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        return listed(
                coordinator,
                "donor profile",
                directory.page(
                        CoordinatorDirectory.Side.DONORS,
                        filter(q, city, state, bloodGroup),
                        PageRequest.of(limit, after)));
    }

    @GetMapping("/patients")
    public Page<DirectoryEntry> patients(
            CurrentUser coordinator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String bloodGroup,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        return listed(
                coordinator,
                "patient profile",
                directory.page(
                        CoordinatorDirectory.Side.PATIENTS,
                        filter(q, city, state, bloodGroup),
                        PageRequest.of(limit, after)));
    }

    @GetMapping("/donors/export")
    public ResponseEntity<StreamingResponseBody> exportDonors(
            CurrentUser coordinator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String bloodGroup) {
        return csv(
                coordinator,
                "donors",
                given("q", q, "city", city, "state", state, "bloodGroup", bloodGroup),
                CoordinatorDirectory.exportQuery(
                        CoordinatorDirectory.Side.DONORS, filter(q, city, state, bloodGroup)));
    }

    @GetMapping("/patients/export")
    public ResponseEntity<StreamingResponseBody> exportPatients(
            CurrentUser coordinator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String bloodGroup) {
        return csv(
                coordinator,
                "patients",
                given("q", q, "city", city, "state", state, "bloodGroup", bloodGroup),
                CoordinatorDirectory.exportQuery(
                        CoordinatorDirectory.Side.PATIENTS, filter(q, city, state, bloodGroup)));
    }

    @GetMapping("/pledges/export")
    public ResponseEntity<StreamingResponseBody> exportPledges(
            CurrentUser coordinator,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String organ,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String bloodGroup) {
        return csv(
                coordinator,
                "pledges",
                given(
                        "status",
                        status,
                        "organ",
                        organ,
                        "city",
                        city,
                        "state",
                        state,
                        "bloodGroup",
                        bloodGroup),
                Pledges.exportQuery(PledgeFilter.of(status, organ, city, state, bloodGroup)));
    }

    @GetMapping("/transplant-requests/export")
    public ResponseEntity<StreamingResponseBody> exportRequests(
            CurrentUser coordinator,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String organ,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String bloodGroup) {
        return csv(
                coordinator,
                "transplant-requests",
                given(
                        "status",
                        status,
                        "organ",
                        organ,
                        "city",
                        city,
                        "state",
                        state,
                        "bloodGroup",
                        bloodGroup),
                TransplantRequests.exportQuery(
                        RequestFilter.of(status, organ, city, state, bloodGroup)));
    }

    @GetMapping("/stats")
    public RegistryStatistics.Stats stats() {
        return statistics.current();
    }

    private ResponseEntity<StreamingResponseBody> csv(
            CurrentUser coordinator,
            String kind,
            Map<String, String> filters,
            ListQuery.Statement query) {
        String name = "ramsetu-" + kind + "-" + LocalDate.now() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> export.write(coordinator, kind, filters, query, out));
    }

    /** One audit entry per page a coordinator lists, naming every record on it. */
    private Page<DirectoryEntry> listed(
            CurrentUser coordinator, String kind, Page<DirectoryEntry> page) {
        if (!page.items().isEmpty()) {
            audit.record(
                    AuditEntry.of(LISTED, AuditOutcome.SUCCESS)
                            .by(coordinator.id(), coordinator.role())
                            .on(kind, "list")
                            .with(
                                    Map.of(
                                            "accountIds",
                                            page.items().stream()
                                                    .map(e -> e.accountId().toString())
                                                    .toList())));
        }
        return page;
    }

    private static CoordinatorDirectory.Filter filter(
            String q, String city, String state, String bloodGroup) {
        String search = Fields.optionalLine("q", q, 100);
        String cityText = Fields.optionalLine("city", city, 100);
        return new CoordinatorDirectory.Filter(
                search,
                cityText == null ? null : Location.cityKey(cityText),
                state == null || state.isBlank() ? null : IndianStates.canonical("state", state),
                BloodGroupFilter.groups("bloodGroup", bloodGroup));
    }

    private static Map<String, String> given(String... namesAndValues) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isBlank()) {
                given.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return given;
    }
}
