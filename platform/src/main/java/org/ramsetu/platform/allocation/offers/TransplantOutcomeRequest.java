package org.ramsetu.platform.allocation.offers;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The transplant's outcome at follow-up; a field left out keeps what was recorded.
 *
 * @param graftWeek1 graft function one week after the transplant: {@code FUNCTIONING}, {@code
 *     DELAYED_FUNCTION}, {@code PRIMARY_NON_FUNCTION}, {@code FAILED}, {@code RECIPIENT_DIED}
 * @param graftMonth3 graft function three months after it, the same values
 * @param version the offer's version read, unless {@code If-Match} gives it
 */
public record TransplantOutcomeRequest(
        @Nullable @Schema(example = "DELAYED_FUNCTION") String graftWeek1,
        @Nullable @Schema(example = "FUNCTIONING") String graftMonth3,
        @Nullable Long version) {}
