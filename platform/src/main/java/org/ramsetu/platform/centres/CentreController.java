package org.ramsetu.platform.centres;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.PageLimit;
import org.ramsetu.platform.web.VersionedResponses;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/centres}: the registry of transplant centres. Coordinators read it;
 * coordinators with the administrator right keep it.
 */
@Tag(
        name = "Transplant centres",
        description =
                "Licensed transplant hospitals, their verified places and programmes, and the"
                        + " coordinators who work for them")
@RestController
@RequestMapping("/api/v1/admin/centres")
public class CentreController {

    private final CentreService centres;
    private final IdempotentRequests idempotent;

    public CentreController(CentreService centres, IdempotentRequests idempotent) {
        this.centres = centres;
        this.idempotent = idempotent;
    }

    /** 201 with the centre; {@code Idempotency-Key} makes a retried registration safe. */
    @Operation(operationId = "registerCentre")
    @Created(value = "the centre", location = "/api/v1/admin/centres/{id}", body = CentreView.class)
    @ApiResponse(responseCode = "409", description = "another centre holds the registration number")
    @PostMapping
    public ResponseEntity<?> register(
            CurrentUser administrator,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody CentreBody body) {
        return idempotent.create(
                administrator.id(),
                key,
                "/api/v1/admin/centres",
                body,
                () -> centres.register(administrator, body));
    }

    /**
     * Newest first, with how many match.
     *
     * @param q part of the name, city or registration number, any case
     * @param state a state or union territory
     * @param organ only centres with this programme
     */
    @Operation(operationId = "listCentres")
    @GetMapping
    public Page<CentreView> list(
            CurrentUser coordinator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String organ,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return centres.list(
                coordinator,
                q,
                state,
                Fields.optionalEnum("organ", organ, Organ.class),
                PageRequest.of(limit, after));
    }

    @Operation(operationId = "getCentre")
    @GetMapping("/{id}")
    public ResponseEntity<CentreView> one(CurrentUser coordinator, @PathVariable UUID id) {
        return VersionedResponses.ok(centres.one(coordinator, id));
    }

    /** Replaces what the registry says about the centre. */
    @Operation(operationId = "amendCentre")
    @PutMapping("/{id}")
    public ResponseEntity<CentreView> amend(
            CurrentUser administrator,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody CentreBody body) {
        return VersionedResponses.ok(
                centres.amend(
                        administrator, id, body, ExpectedVersion.of(ifMatch, body.version())));
    }

    /** Longest-serving first. */
    @Operation(operationId = "listCentreCoordinators")
    @GetMapping("/{id}/coordinators")
    public List<CentreCoordinatorView> coordinators(
            CurrentUser coordinator, @PathVariable UUID id) {
        return centres.coordinators(coordinator, id);
    }

    /**
     * The coordinator with this e-mail works for this centre from now on (and for no other); the
     * centre's coordinators after the change.
     */
    @Operation(operationId = "assignCentreCoordinator")
    @PostMapping("/{id}/coordinators")
    public List<CentreCoordinatorView> assign(
            CurrentUser administrator,
            @PathVariable UUID id,
            @RequestBody AssignCoordinatorRequest body) {
        return centres.assign(administrator, id, body);
    }

    @Operation(operationId = "unassignCentreCoordinator")
    @ApiResponse(responseCode = "204", description = "the coordinator no longer works for it")
    @DeleteMapping("/{id}/coordinators/{accountId}")
    public ResponseEntity<Void> unassign(
            CurrentUser administrator, @PathVariable UUID id, @PathVariable UUID accountId) {
        centres.unassign(administrator, id, accountId);
        return ResponseEntity.noContent().build();
    }
}
