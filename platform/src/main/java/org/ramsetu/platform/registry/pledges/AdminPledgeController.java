package org.ramsetu.platform.registry.pledges;

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

/** {@code /api/v1/admin/pledges}: coordinators verify or reject pledges (coordinators only). */
@Tag(name = "Pledges")
@RestController
@RequestMapping("/api/v1/admin/pledges")
public class AdminPledgeController {

    private final ChangingPledgeStatus changing;

    public AdminPledgeController(ChangingPledgeStatus changing) {
        this.changing = changing;
    }

    /** {@code PENDING} → {@code VERIFIED}. */
    @Operation(operationId = "verifyPledge")
    @PostMapping("/{id}/verify")
    public ResponseEntity<PledgeView> verify(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) PledgeChangeRequest body) {
        return VersionedResponses.ok(
                changing.verify(
                        user,
                        id,
                        ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }

    /**
     * {@code VERIFIED} → {@code PENDING}: the coordinator who verified the pledge takes it back
     * within ten minutes ({@code 409 undo-not-yours}, {@code 409 undo-expired} otherwise).
     */
    @Operation(operationId = "undoPledgeVerification")
    @PostMapping("/{id}/undo-verify")
    public ResponseEntity<PledgeView> undoVerification(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) PledgeChangeRequest body) {
        return VersionedResponses.ok(
                changing.undoVerification(
                        user,
                        id,
                        ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }

    /** {@code PENDING} or {@code VERIFIED} → {@code REJECTED}, with a reason for the donor. */
    @Operation(operationId = "rejectPledge")
    @PostMapping("/{id}/reject")
    public ResponseEntity<PledgeView> reject(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) PledgeRejectionRequest body) {
        return VersionedResponses.ok(
                changing.reject(
                        user,
                        id,
                        body == null ? null : body.reason(),
                        ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }
}
