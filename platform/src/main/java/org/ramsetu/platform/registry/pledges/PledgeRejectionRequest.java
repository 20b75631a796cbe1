package org.ramsetu.platform.registry.pledges;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/admin/pledges/{id}/reject}.
 *
 * @param reason required; the donor reads it in the rejection e-mail (at most 1,000 characters)
 * @param version the version last read; instead of (or agreeing with) {@code If-Match}
 */
public record PledgeRejectionRequest(
        @Schema(
                        maxLength = ChangingPledgeStatus.MAX_REASON,
                        example = "the creatinine report is older than 90 days")
                String reason,
        @Nullable Long version) {}
