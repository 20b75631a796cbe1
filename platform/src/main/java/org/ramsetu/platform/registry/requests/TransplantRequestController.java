package org.ramsetu.platform.registry.requests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.common.ListingFilter;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.PageLimit;
import org.ramsetu.platform.web.Versioned;
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

/**
 * {@code /api/v1/transplant-requests}: patients request transplants and follow them; coordinators
 * read the whole waiting list. Creation honours {@code Idempotency-Key}; single requests carry
 * their version as {@code ETag}.
 */
@Tag(name = "Transplant requests", description = "Patients' transplant requests (listings)")
@RestController
@RequestMapping("/api/v1/transplant-requests")
public class TransplantRequestController {

    private final ListingPatient listing;
    private final ReadingTransplantRequests reading;
    private final ChangingClinicalValues changing;
    private final IdempotentRequests idempotent;

    public TransplantRequestController(
            ListingPatient listing,
            ReadingTransplantRequests reading,
            ChangingClinicalValues changing,
            IdempotentRequests idempotent) {
        this.listing = listing;
        this.reading = reading;
        this.changing = changing;
        this.idempotent = idempotent;
    }

    /**
     * 201 with the request, {@code PENDING_VERIFICATION}, its computed scores and its {@code
     * Location}.
     */
    @Operation(operationId = "createTransplantRequest")
    @Created(
            value = "the request, PENDING_VERIFICATION, with its computed scores",
            location = "/api/v1/transplant-requests/{id}",
            body = TransplantRequestView.class)
    @PostMapping
    public ResponseEntity<?> request(
            CurrentUser user,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody CreateTransplantRequest body) {
        return idempotent.create(
                user.id(),
                key,
                "/api/v1/transplant-requests",
                body,
                () -> listing.list(user, body));
    }

    /**
     * Own requests, or for coordinators everyone's, in the order asked (newest first by default),
     * with how many match.
     *
     * @param city the treating hospital's city, any case
     * @param state the treating hospital's state
     * @param bloodGroup e.g. {@code O+} (URL-encoded {@code O%2B}) or {@code O} for both Rh
     * @param q a part of the patient's name or e-mail address, any case (coordinators)
     * @param patient only this patient's requests (coordinators: a patient's record page)
     * @param centre the transplant centre the requests are listed at: its id, or {@code mine} for
     *     the coordinator's own
     * @param sort {@code newest} listing first (the default); {@code oldest}: the longest listed
     *     first; {@code urgency}: the highest verified urgency first; {@code meld}: the highest
     *     MELD-Na first, requests without one (other organs) after; ties the longest listed first
     * @param after the {@code nextCursor} of the previous page
     */
    @Operation(operationId = "listTransplantRequests")
    @GetMapping
    public Page<TransplantRequestView> list(
            CurrentUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String organ,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String bloodGroup,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID patient,
            @RequestParam(required = false) String centre,
            @Parameter(schema = @Schema(allowableValues = {"newest", "oldest", "urgency", "meld"}))
                    @RequestParam(required = false)
                    String sort,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return reading.list(
                user,
                ListingFilter.of(RequestStatus.class, status, organ, city, state, bloodGroup)
                        .searching(q)
                        .ofOwnerIfGiven(patient),
                centre,
                PageRequest.of(limit, after),
                RequestOrder.of(sort));
    }

    @Operation(operationId = "getTransplantRequest")
    @Versioned("the listing")
    @GetMapping("/{id}")
    public ResponseEntity<TransplantRequestView> one(CurrentUser user, @PathVariable UUID id) {
        return VersionedResponses.ok(reading.one(user, id));
    }

    /**
     * The patient's clinical values as they are now (new labs, a dialysis start): scored again, and
     * the request awaits its centre's check for the fields that changed ({@code WAITING →
     * PENDING_VERIFICATION}). Unchanged values write nothing.
     */
    @Operation(operationId = "changeTransplantRequestClinicalValues")
    @PutMapping("/{id}/clinical")
    public ResponseEntity<TransplantRequestView> changeClinicalValues(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ClinicalValuesChange body) {
        return VersionedResponses.ok(
                changing.change(user, id, body, ExpectedVersion.of(ifMatch, body.version())));
    }
}
