package org.ramsetu.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/audit}: the audit log for coordinators, newest first. */
@Tag(name = "Audit", description = "The audit log of record reads and coordinator actions")
@RestController
@RequestMapping("/api/v1/admin/audit")
public class AuditController {

    static final int MAX_PAGE = 200;

    private final AuditQueries queries;

    public AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    /**
     * @param before the {@code nextBefore} of the previous page
     */
    @Operation(operationId = "listAuditRecords")
    @GetMapping
    public AuditPage list(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Long before,
            @Parameter(
                            schema =
                                    @Schema(
                                            types = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MAX_PAGE,
                                            defaultValue = "50"))
                    @RequestParam(defaultValue = "50")
                    int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblem.invalidField("limit", "must be 1 to " + MAX_PAGE);
        }
        AuditQueries.Counted page =
                queries.pageAndCount(
                        new AuditFilter(
                                action,
                                outcome,
                                actorId,
                                targetType,
                                targetId,
                                from,
                                to,
                                before,
                                limit));
        List<AuditRecord> items = page.items();
        Long next = items.size() == limit ? items.get(items.size() - 1).id() : null;
        boolean beyond = page.count() > AuditQueries.COUNT_LIMIT;
        return new AuditPage(
                items,
                next,
                beyond ? AuditQueries.COUNT_LIMIT : page.count(),
                beyond ? Boolean.TRUE : null);
    }

    /**
     * @param nextBefore pass as {@code before} for the next page; null on the last page
     * @param total how many records the filters select in the whole log, counted up to 10,000
     * @param totalAtLeast true when the log holds more than {@code total} such records (the count
     *     stopped there); absent when {@code total} is exact
     */
    public record AuditPage(
            List<AuditRecord> items,
            @Nullable Long nextBefore,
            long total,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean totalAtLeast) {}
}
