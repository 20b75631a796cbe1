package org.ramsetu.platform.matching.matches;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.ramsetu.platform.records.ETags;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.PageLimit;
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
 * {@code /api/v1/matches}: everyone lists the matches they may see; coordinators approve or decline
 * proposed ones.
 */
@Tag(name = "Matching")
@RestController
@RequestMapping("/api/v1/matches")
public class MatchController {

    private final ReadingMatches reading;
    private final DecidingMatch deciding;

    public MatchController(ReadingMatches reading, DecidingMatch deciding) {
        this.reading = reading;
        this.deciding = deciding;
    }

    /**
     * Newest first, with how many the filters select. Coordinators may filter by {@code status},
     * {@code organ}, {@code requestId}, {@code pledgeId}, {@code runId} and search by a part of
     * either party's name or e-mail address ({@code q}); patients and donors filter within their
     * own, without search.
     */
    @Operation(operationId = "listMatches")
    @GetMapping
    public Page<MatchView> list(
            CurrentUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String organ,
            @RequestParam(required = false) UUID requestId,
            @RequestParam(required = false) UUID pledgeId,
            @RequestParam(required = false) UUID runId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return reading.list(
                user,
                MatchFilter.of(status, organ, requestId, pledgeId, runId, q),
                PageRequest.of(limit, after));
    }

    /** One match as the reader may see it (its record page); the same view as the list's. */
    @Operation(operationId = "getMatch")
    @GetMapping("/{id}")
    public ResponseEntity<MatchView> one(CurrentUser user, @PathVariable UUID id) {
        MatchView match = reading.one(user, id);
        return match.version() == null
                ? ResponseEntity.ok(match)
                : ResponseEntity.ok().eTag(ETags.of(match.version())).body(match);
    }

    /**
     * {@code PROPOSED} → {@code APPROVED}; the pledge is donated and the request matched. Proposals
     * ranked above it that are still open need a coded reason each ({@code passedOver}).
     */
    @Operation(operationId = "approveMatch")
    @PostMapping("/{id}/approve")
    public MatchView approve(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) DecisionRequest body) {
        return deciding.approve(
                user,
                id,
                passedOver(body),
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()));
    }

    /** {@code PROPOSED} → {@code DECLINED} with a coded reason (and a note for {@code OTHER}). */
    @Operation(operationId = "declineMatch")
    @PostMapping("/{id}/decline")
    public MatchView decline(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) DecisionRequest body) {
        return deciding.decline(
                user,
                id,
                body == null ? null : body.reason(),
                body == null ? null : body.note(),
                passedOver(body),
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()));
    }

    private static List<DecisionRequest.PassedOver> passedOver(DecisionRequest body) {
        return body == null || body.passedOver() == null ? List.of() : body.passedOver();
    }
}
