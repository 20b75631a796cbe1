package org.ramsetu.platform.registry.requests;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/admin/transplant-requests/{id}/verify}: the centre's coordinator has checked
 * the clinical values and sets the urgency.
 *
 * @param urgency 1 (routine) to 5 (most urgent), the clinical status the centre stands behind
 * @param evidence required: what the urgency rests on; the patient sees it (at most 1,000
 *     characters)
 * @param version the version last read; instead of (or agreeing with) {@code If-Match}
 */
public record RequestVerificationRequest(
        @Schema(
                        minimum = "" + CreateTransplantRequest.MIN_URGENCY,
                        maximum = "" + CreateTransplantRequest.MAX_URGENCY,
                        example = "4")
                Integer urgency,
        @Schema(
                        maxLength = ChangingRequestStatus.MAX_EVIDENCE,
                        example = "creatinine 6.1 mg/dL on 2026-11-30; dialysis since 2024-03-02")
                String evidence,
        @Nullable Long version) {}
