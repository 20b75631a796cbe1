package org.ramsetu.platform.matching.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
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
 * {@code POST /api/v1/transplant-requests/{id}/match-runs} and {@code GET /api/v1/match-runs/{id}},
 * for coordinators. Creation honours {@code Idempotency-Key}.
 */
@Tag(
        name = "Matching",
        description = "Match runs for a transplant request, and the matches they find")
@RestController
public class MatchRunController {

    private final RunningMatch running;
    private final ReadingMatchRuns reading;
    private final IdempotentRequests idempotent;
    private final ProposingFurther proposing;

    public MatchRunController(
            RunningMatch running,
            ReadingMatchRuns reading,
            IdempotentRequests idempotent,
            ProposingFurther proposing) {
        this.running = running;
        this.reading = reading;
        this.idempotent = idempotent;
        this.proposing = proposing;
    }

    /** 201 with the run, its {@code Location}; 409 unless the request is {@code WAITING}. */
    @Operation(operationId = "startMatchRun")
    @Created(
            value = "the run: ranked candidates, exclusions, proposals",
            location = "/api/v1/match-runs/{id}",
            body = MatchRunView.class)
    @PostMapping("/api/v1/transplant-requests/{id}/match-runs")
    public ResponseEntity<?> run(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.createPrepared(
                user.id(),
                key,
                "POST /api/v1/transplant-requests/" + id + "/match-runs",
                Map.of(),
                () -> running.prepare(user, id),
                running::record,
                run -> "/api/v1/match-runs/" + run.id());
    }

    /** The request's match runs, newest first, paged and counted (coordinators). */
    @Operation(operationId = "listRequestMatchRuns")
    @GetMapping("/api/v1/transplant-requests/{id}/match-runs")
    public Page<MatchRunSummary> ofRequest(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return reading.ofRequest(user, id, PageRequest.of(limit, after));
    }

    /**
     * @param fromRank the rank of the first candidate included (default 1): pages through the whole
     *     ranked list with {@code candidates}
     * @param candidates how many ranked candidates to include (default 100, at most 10,000)
     * @param excluded how many excluded pledges to include (default 100, at most 10,000)
     */
    @Operation(operationId = "getMatchRun")
    @GetMapping("/api/v1/match-runs/{id}")
    public MatchRunView one(
            CurrentUser user,
            @PathVariable UUID id,
            @RunListStart @RequestParam(required = false) Integer fromRank,
            @RunListLimit @RequestParam(required = false) Integer candidates,
            @RunListLimit @RequestParam(required = false) Integer excluded) {
        return reading.one(user, id, fromRank, candidates, excluded);
    }

    /**
     * Proposes the run's candidates down to {@code throughRank} (at most 50) that have none yet, so
     * that a lower-ranked candidate can be approved, each one above it passed over with a reason.
     * Answers the run as {@code GET} does; a repeat changes nothing.
     */
    @Operation(operationId = "proposeFurther")
    @PostMapping("/api/v1/match-runs/{id}/proposals")
    public MatchRunView proposeFurther(
            CurrentUser user, @PathVariable UUID id, @RequestBody ProposeFurtherRequest body) {
        proposing.proposeThrough(user, id, body.throughRank());
        return reading.one(user, id, null, null, null);
    }
}
