package org.ramsetu.platform.registry.pledges;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.ListOrder;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pledges}: donors pledge, list and withdraw their pledges; coordinators list and
 * read all of them. Creation honours {@code Idempotency-Key}; single pledges carry their version as
 * {@code ETag}.
 */
@Tag(name = "Pledges", description = "Donor pledges and their verification")
@RestController
@RequestMapping("/api/v1/pledges")
public class PledgeController {

    private final PledgingOrgan pledging;
    private final ReadingPledges reading;
    private final ChangingPledgeStatus changing;
    private final IdempotentRequests idempotent;

    public PledgeController(
            PledgingOrgan pledging,
            ReadingPledges reading,
            ChangingPledgeStatus changing,
            IdempotentRequests idempotent) {
        this.pledging = pledging;
        this.reading = reading;
        this.changing = changing;
        this.idempotent = idempotent;
    }

    /** 201 with the pledge, {@code PENDING}, and its {@code Location}. */
    @Operation(operationId = "createPledge")
    @Created(
            value = "the pledge, PENDING",
            location = "/api/v1/pledges/{id}",
            body = PledgeView.class)
    @PostMapping
    public ResponseEntity<?> pledge(
            CurrentUser user,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody CreatePledgeRequest body) {
        return idempotent.create(
                user.id(), key, "/api/v1/pledges", body, () -> pledging.pledge(user, body));
    }

    /**
     * Own pledges, or for coordinators everyone's, newest first (or oldest, {@code sort=oldest}:
     * the review queue from its head), with how many match.
     *
     * @param city the donor's city, any case
     * @param bloodGroup e.g. {@code O+} (URL-encoded {@code O%2B}) or {@code O} for both Rh
     * @param q a part of the donor's name or e-mail address, any case (coordinators)
     * @param donor only this donor's pledges (coordinators: a donor's record page)
     * @param sort {@code newest} pledge first (the default) or {@code oldest}
     * @param after the {@code nextCursor} of the previous page
     */
    @Operation(operationId = "listPledges")
    @GetMapping
    public Page<PledgeView> list(
            CurrentUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String organ,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String bloodGroup,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID donor,
            @Parameter(schema = @Schema(allowableValues = {"newest", "oldest"}))
                    @RequestParam(required = false)
                    String sort,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return reading.list(
                user,
                ListingFilter.of(PledgeStatus.class, status, organ, city, state, bloodGroup)
                        .searching(q)
                        .ofOwnerIfGiven(donor),
                PageRequest.of(limit, after),
                ListOrder.of(sort));
    }

    @Operation(operationId = "getPledge")
    @Versioned("the pledge")
    @GetMapping("/{id}")
    public ResponseEntity<PledgeView> one(CurrentUser user, @PathVariable UUID id) {
        return VersionedResponses.ok(reading.one(user, id));
    }

    /** By the donor: {@code PENDING} or {@code VERIFIED} → {@code WITHDRAWN}. */
    @Operation(operationId = "withdrawPledge")
    @PostMapping("/{id}/withdraw")
    public ResponseEntity<PledgeView> withdraw(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) PledgeChangeRequest body) {
        return VersionedResponses.ok(
                changing.withdraw(
                        user,
                        id,
                        ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }
}
