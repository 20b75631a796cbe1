package org.ramsetu.platform.reprocessing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.infra.schedule.WorkStatus;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-processing batches for coordinators (under {@code /api/v1/admin}: coordinator-only, and every
 * request audited by the coordinator audit filter; starting one is audited as its own action too).
 * A batch holds figures about rankings, not medical records.
 */
@Tag(name = "Reprocessing", description = "Batch re-scoring of the registry")
@RestController
@RequestMapping("/api/v1/admin/reprocessing/batches")
public class ReprocessingController {

    static final int DEFAULT_LIST = 20;
    static final int MAX_LIST = 100;

    /** What to re-process: {@code organ} is required; {@code reason} MODEL (default) or POLICY. */
    public record StartRequest(
            @Schema(example = "KIDNEY") String organ,
            @Schema(
                            description = "MODEL (a new scoring model, the default) or POLICY",
                            example = "MODEL")
                    @Nullable String reason) {}

    private final Batches batches;
    private final StartingBatch starting;
    private final WorkScheduler scheduler;

    public ReprocessingController(
            Batches batches, StartingBatch starting, WorkScheduler scheduler) {
        this.batches = batches;
        this.starting = starting;
        this.scheduler = scheduler;
    }

    @Operation(operationId = "listReprocessingBatches")
    @GetMapping
    public List<BatchView> list(
            CurrentUser coordinator,
            @Parameter(
                            schema =
                                    @Schema(
                                            types = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MAX_LIST,
                                            defaultValue = "" + DEFAULT_LIST))
                    @RequestParam(required = false)
                    Integer limit) {
        int n = limit == null ? DEFAULT_LIST : limit;
        if (n < 1 || n > MAX_LIST) {
            throw ApiProblem.invalidField("limit", "must be 1 to " + MAX_LIST);
        }
        return batches.newest(n).stream().map(b -> BatchView.of(b, null)).toList();
    }

    @Operation(operationId = "getReprocessingBatch")
    @GetMapping("/{id}")
    public BatchView one(CurrentUser coordinator, @PathVariable UUID id) {
        Batch batch =
                batches.find(id).orElseThrow(() -> ApiProblem.notFound("reprocessing batch", id));
        WorkStatus status =
                scheduler == null
                        ? null
                        : scheduler.status(ModelChangeBatch.WORK, batch.instanceId()).orElse(null);
        return BatchView.of(batch, status);
    }

    /** 202: the batch runs in the background; follow it at the Location. */
    @Operation(operationId = "startReprocessingBatch")
    @ApiResponse(
            responseCode = "202",
            description = "scheduled; Location is the batch, which reports its progress",
            headers =
                    @Header(
                            name = "Location",
                            schema = @Schema(types = "string", format = "uri-reference")),
            useReturnTypeSchema = true)
    @PostMapping
    public ResponseEntity<BatchView> start(
            CurrentUser coordinator, @RequestBody StartRequest body) {
        if (body == null || body.organ() == null || body.organ().isBlank()) {
            throw ApiProblem.invalidField("organ", "required: kidney, liver, heart or cornea");
        }
        Organ organ;
        try {
            organ = Organ.parse(body.organ());
        } catch (InvalidClinicalValueException e) {
            throw ApiProblem.invalidField("organ", "must be kidney, liver, heart or cornea");
        }
        String reason =
                body.reason() == null ? "MODEL" : body.reason().trim().toUpperCase(Locale.ROOT);
        if (!reason.equals("MODEL") && !reason.equals("POLICY")) {
            throw ApiProblem.invalidField("reason", "must be MODEL or POLICY");
        }
        Batch batch = starting.start(organ, reason, coordinator.id());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/reprocessing/batches/" + batch.id()))
                .body(BatchView.of(batch, null));
    }
}
