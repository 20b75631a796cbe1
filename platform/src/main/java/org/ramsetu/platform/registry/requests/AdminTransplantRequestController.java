package org.ramsetu.platform.registry.requests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.VersionedResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/transplant-requests}: coordinators of a patient's centre verify requests;
 * coordinators take requests off the list.
 */
@Tag(name = "Transplant requests")
@RestController
@RequestMapping("/api/v1/admin/transplant-requests")
public class AdminTransplantRequestController {

    private final ChangingRequestStatus changing;

    public AdminTransplantRequestController(ChangingRequestStatus changing) {
        this.changing = changing;
    }

    /**
     * {@code PENDING_VERIFICATION} → {@code WAITING}: a coordinator of the request's centre (or,
     * for a request that names none, of a centre that transplants the organ) checked the clinical
     * values and sets the urgency with its evidence.
     */
    @Operation(operationId = "verifyTransplantRequest")
    @PostMapping("/{id}/verify")
    public ResponseEntity<TransplantRequestView> verify(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RequestVerificationRequest body) {
        return VersionedResponses.ok(
                changing.verify(
                        user,
                        id,
                        body.urgency(),
                        body.evidence(),
                        ExpectedVersion.of(ifMatch, body.version())));
    }

    /**
     * {@code PENDING_VERIFICATION}, {@code WAITING} or {@code MATCHED} → {@code REMOVED}, with a
     * reason for the patient.
     */
    @Operation(operationId = "removeTransplantRequest")
    @PostMapping("/{id}/remove")
    public ResponseEntity<TransplantRequestView> remove(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) RequestRemovalRequest body) {
        return VersionedResponses.ok(
                changing.remove(
                        user,
                        id,
                        body == null ? null : body.reason(),
                        ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }
}
