package org.ramsetu.platform.allocation.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.PageLimit;
import org.ramsetu.platform.web.RunListLimit;
import org.ramsetu.platform.web.RunListStart;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/pledges/{id}/allocation-runs}, {@code POST
 * /api/v1/admin/donation-cases/{id}/allocation-runs}, {@code GET /api/v1/allocation-runs/{id}} and
 * a case's runs ({@code GET /api/v1/admin/allocation-runs?caseId=}), for coordinators. Creation
 * honours {@code Idempotency-Key}.
 */
@Tag(name = "Allocation")
@RestController
public class AllocationRunController {

    private final RunningAllocation running;
    private final ReadingAllocationRuns reading;
    private final IdempotentRequests idempotent;

    public AllocationRunController(
            RunningAllocation running,
            ReadingAllocationRuns reading,
            IdempotentRequests idempotent) {
        this.running = running;
        this.reading = reading;
        this.idempotent = idempotent;
    }

    /** 201 with the run and its {@code Location}; 409 unless the pledge is {@code VERIFIED}. */
    @Operation(operationId = "startAllocationRun")
    @Created(
            value = "the run: ranked requests and exclusions",
            location = "/api/v1/allocation-runs/{id}",
            body = AllocationRunView.class)
    @PostMapping("/api/v1/pledges/{id}/allocation-runs")
    public ResponseEntity<?> run(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.createPrepared(
                user.id(),
                key,
                "POST /api/v1/pledges/" + id + "/allocation-runs",
                Map.of(),
                () -> running.prepare(user, id),
                running::record,
                AllocationRunController::location);
    }

    /**
     * 201 with the run of an organ a donation case recovered; 409 unless its recovery is recorded
     * with that organ.
     */
    @Operation(operationId = "startDonationCaseAllocationRun")
    @Created(
            value = "the run: ranked requests and exclusions",
            location = "/api/v1/allocation-runs/{id}",
            body = AllocationRunView.class)
    @ApiResponse(responseCode = "404", description = "no such donation case")
    @ApiResponse(
            responseCode = "409",
            description = "the organ was not recovered, or the case changed while ranked")
    @PostMapping("/api/v1/admin/donation-cases/{id}/allocation-runs")
    public ResponseEntity<?> runForCase(
            CurrentUser coordinator,
            @PathVariable UUID id,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody CaseRunRequest body) {
        Organ organ = Fields.requiredEnum("organ", body.organ(), Organ.class);
        return idempotent.createPrepared(
                coordinator.id(),
                key,
                "POST /api/v1/admin/donation-cases/" + id + "/allocation-runs",
                body,
                () -> running.prepare(coordinator, new DonationCaseId(id), organ),
                running::record,
                AllocationRunController::location);
    }

    private static String location(AllocationRunView run) {
        return "/api/v1/allocation-runs/" + run.id();
    }

    /**
     * Which organ of the case to allocate.
     *
     * @param organ {@code KIDNEY}, {@code LIVER}, {@code HEART} or {@code CORNEA}: one the case
     *     recovered
     */
    public record CaseRunRequest(@Nullable @Schema(example = "KIDNEY") String organ) {}

    /**
     * A donation case's allocation runs, newest first, all at once. Superseded by {@code GET
     * /api/v1/admin/allocation-runs?caseId=}, which pages and counts them; kept while a console
     * loaded from the release before may still ask it (a rollout serves both releases at once).
     */
    @Operation(operationId = "listDonationCaseAllocationRuns", deprecated = true)
    @GetMapping("/api/v1/admin/donation-cases/{id}/allocation-runs")
    public List<CaseRunView> runsOfCase(CurrentUser coordinator, @PathVariable UUID id) {
        return reading.ofCase(coordinator, id);
    }

    /** A donation case's allocation runs, newest first, paged and counted (coordinators). */
    @Operation(operationId = "listAllocationRuns")
    @ApiResponse(
            responseCode = "200",
            description = "a page of the case's runs",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "no such donation case")
    @GetMapping("/api/v1/admin/allocation-runs")
    public Page<CaseRunView> runs(
            CurrentUser coordinator,
            @RequestParam UUID caseId,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return reading.ofCase(coordinator, caseId, PageRequest.of(limit, after));
    }

    /**
     * @param fromRank the rank of the first candidate included (default 1): pages through the whole
     *     ranked list with {@code candidates}
     * @param candidates how many ranked requests to include (default 100, at most 10,000)
     * @param excluded how many excluded requests to include (default 100, at most 10,000)
     */
    @Operation(operationId = "getAllocationRun")
    @GetMapping("/api/v1/allocation-runs/{id}")
    public AllocationRunView one(
            CurrentUser user,
            @PathVariable UUID id,
            @RunListStart @RequestParam(required = false) Integer fromRank,
            @RunListLimit @RequestParam(required = false) Integer candidates,
            @RunListLimit @RequestParam(required = false) Integer excluded) {
        return reading.one(user, id, fromRank, candidates, excluded);
    }
}
