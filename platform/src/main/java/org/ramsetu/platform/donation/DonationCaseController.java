package org.ramsetu.platform.donation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.PageLimit;
import org.ramsetu.platform.web.VersionedResponses;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/donation-cases}: the donor record at donation (coordinators only). */
@Tag(
        name = "Donation cases",
        description = "A deceased donor's clinical record, its KDRI/KDPI and the organs recovered")
@RestController
@RequestMapping("/api/v1/admin/donation-cases")
public class DonationCaseController {

    private final DonationCaseService cases;
    private final IdempotentRequests idempotent;

    public DonationCaseController(DonationCaseService cases, IdempotentRequests idempotent) {
        this.cases = cases;
        this.idempotent = idempotent;
    }

    /** 201 with the case; {@code Idempotency-Key} makes a retried opening safe. */
    @Operation(operationId = "openDonationCase")
    @Created(
            value = "the case, OPEN, with the donor's KDRI and KDPI",
            location = "/api/v1/admin/donation-cases/{id}",
            body = DonationCaseView.class)
    @ApiResponse(responseCode = "404", description = "the pledge named does not exist")
    @ApiResponse(
            responseCode = "409",
            description = "the pledge is not verified, or its donor already has a case")
    @PostMapping
    public ResponseEntity<?> open(
            CurrentUser coordinator,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody OpenCaseRequest body) {
        return idempotent.create(
                coordinator.id(),
                key,
                "/api/v1/admin/donation-cases",
                body,
                () -> cases.open(coordinator, body));
    }

    /** Newest first, with how many there are. */
    @Operation(operationId = "listDonationCases")
    @GetMapping
    public DonationCaseList list(
            CurrentUser coordinator,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return cases.list(
                coordinator,
                Fields.optionalEnum("status", status, CaseStatus.class),
                PageRequest.of(limit, after));
    }

    @Operation(operationId = "getDonationCase")
    @GetMapping("/{id}")
    public ResponseEntity<DonationCaseView> one(CurrentUser coordinator, @PathVariable UUID id) {
        return VersionedResponses.ok(cases.one(coordinator, id));
    }

    /** Replaces the donor record; KDRI and KDPI follow it. */
    @Operation(operationId = "amendDonorRecord")
    @PutMapping("/{id}/record")
    public ResponseEntity<DonationCaseView> amend(
            CurrentUser coordinator,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody DonorRecordBody body) {
        return VersionedResponses.ok(
                cases.amend(coordinator, id, body, ExpectedVersion.of(ifMatch, null)));
    }

    /** The organs recovered and the cross-clamp; the case becomes {@code RECOVERED}. */
    @Operation(operationId = "recordRecovery")
    @PostMapping("/{id}/recovery")
    public ResponseEntity<DonationCaseView> recovery(
            CurrentUser coordinator,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RecoveryRequest body) {
        return VersionedResponses.ok(
                cases.recover(coordinator, id, body, ExpectedVersion.of(ifMatch, body.version())));
    }
}
