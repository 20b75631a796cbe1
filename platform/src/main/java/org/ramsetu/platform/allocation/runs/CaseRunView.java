package org.ramsetu.platform.allocation.runs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;

/**
 * One allocation run of a donation case, as its list shows it; the run itself is at {@code GET
 * /api/v1/allocation-runs/{id}}.
 *
 * @param trigger {@code COORDINATOR} or {@code RESCORING}
 * @param degraded ranked on the clinical policy alone
 */
public record CaseRunView(
        UUID id,
        @Schema(implementation = Organ.class) String organ,
        Instant createdAt,
        String trigger,
        boolean degraded,
        int candidateCount,
        int excludedCount) {}
