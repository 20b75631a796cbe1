package org.ramsetu.platform.allocation.offers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.PageLimit;
import org.ramsetu.platform.web.VersionedResponses;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organ offers (docs/offers.md): a coordinator offers a recovered organ down an allocation run's
 * list; the candidates' centres answer; deadlines escalate by themselves.
 */
@Tag(
        name = "Organ offers",
        description =
                "A recovered organ offered down an allocation run's list to the candidates'"
                        + " centres, with deadlines that escalate by themselves")
@RestController
public class OfferController {

    private final MakingOffers making;
    private final ReadingOffers reading;
    private final OfferReport report;

    public OfferController(MakingOffers making, ReadingOffers reading, OfferReport report) {
        this.making = making;
        this.reading = reading;
        this.report = report;
    }

    /** Starts offering the run's organ: the first candidates' centres get an offer each. */
    @Operation(operationId = "startOffers")
    @Created(
            value = "the offering: its policy and the first offers made",
            location = "/api/v1/admin/allocation-runs/{id}/offers",
            body = OfferSequenceView.class)
    @ApiResponse(
            responseCode = "409",
            description = "a pledge's run, or the organ is already offered or placed")
    @PostMapping("/api/v1/admin/allocation-runs/{id}/offers")
    public ResponseEntity<OfferSequenceView> start(CurrentUser user, @PathVariable UUID id) {
        OfferSequenceView started = making.start(user, id);
        return ResponseEntity.created(URI.create("/api/v1/admin/allocation-runs/" + id + "/offers"))
                .body(started);
    }

    /** The offering of the run's organ: every offer made, in the run's order. */
    @Operation(operationId = "getRunOffers")
    @GetMapping("/api/v1/admin/allocation-runs/{id}/offers")
    public OfferSequenceView ofRun(CurrentUser user, @PathVariable UUID id) {
        return reading.ofRun(user, id);
    }

    /**
     * The offers made to the caller's centre, each naming its patient, paged with a count: those
     * awaiting an answer, soonest deadline first ({@code status=open}, the default), or every
     * offer, newest first ({@code status=all}); {@code q} narrows them to the patients whose name
     * or e-mail address contains it.
     */
    @Operation(operationId = "listCentreOffers")
    @GetMapping("/api/v1/admin/offers")
    public Page<OfferView> ofMyCentre(
            CurrentUser user,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String after,
            @PageLimit @RequestParam(required = false) @Nullable Integer limit) {
        return reading.ofMyCentre(user, status, q, PageRequest.of(limit, after));
    }

    /**
     * One offer, its record: the patient is named to the coordinators of the patient's centre only.
     */
    @Operation(operationId = "getOffer")
    @GetMapping("/api/v1/admin/offers/{id}")
    public ResponseEntity<OfferView> one(CurrentUser user, @PathVariable UUID id) {
        return VersionedResponses.ok(reading.one(user, id));
    }

    /**
     * Offer-decline reporting for a period (by the day offers were made, India's time): outcomes,
     * declines by reason, by centre, by organ and by month, and how long answers and placements
     * took.
     */
    @Operation(operationId = "getOfferReport")
    @GetMapping("/api/v1/admin/offers/report")
    public OfferReport.Report report(
            CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String organ) {
        return report.report(user, from, to, organ);
    }

    /** The centre's answer: accept, provisional yes, or decline with a reason. */
    @Operation(operationId = "answerOffer")
    @PostMapping("/api/v1/admin/offers/{id}/answer")
    public ResponseEntity<OfferView> answer(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AnswerOfferRequest body) {
        return VersionedResponses.ok(
                making.answer(user, id, body, ExpectedVersion.of(ifMatch, body.version())));
    }

    /** The accepting centre records the transplant: the request becomes TRANSPLANTED. */
    @Operation(operationId = "recordTransplant")
    @PostMapping("/api/v1/admin/offers/{id}/transplant")
    public ResponseEntity<OfferView> transplant(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TransplantRecordRequest body) {
        return VersionedResponses.ok(
                making.recordTransplant(
                        user, id, body, ExpectedVersion.of(ifMatch, body.version())));
    }

    /** The transplanting centre records the graft's function at one week and at three months. */
    @Operation(operationId = "recordTransplantOutcome")
    @PutMapping("/api/v1/admin/offers/{id}/outcome")
    public ResponseEntity<OfferView> outcome(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TransplantOutcomeRequest body) {
        return VersionedResponses.ok(
                making.recordOutcome(user, id, body, ExpectedVersion.of(ifMatch, body.version())));
    }
}
