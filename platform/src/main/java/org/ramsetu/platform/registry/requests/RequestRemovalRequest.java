package org.ramsetu.platform.registry.requests;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/admin/transplant-requests/{id}/remove}.
 *
 * @param reason required; the patient reads it in the e-mail (at most 1,000 characters)
 * @param version the version last read; instead of (or agreeing with) {@code If-Match}
 */
public record RequestRemovalRequest(
        @Schema(
                        maxLength = ChangingRequestStatus.MAX_REASON,
                        example = "transplanted at another centre")
                String reason,
        @Nullable Long version) {}
