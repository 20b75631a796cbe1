package org.ramsetu.platform.matching.matches;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of an approval or a decline.
 *
 * @param reason for a decline: {@code DONOR_QUALITY}, {@code SIZE}, {@code POSITIVE_CROSSMATCH},
 *     {@code PATIENT_UNWELL}, {@code LOGISTICS} or {@code OTHER}
 * @param note free text, required with {@code OTHER} (at most 1,000 characters)
 * @param version the match version last read (or send {@code If-Match})
 */
public record DecisionRequest(
        @Schema(example = "SIZE") @Nullable String reason,
        @Schema(maxLength = DecidingMatch.MAX_NOTE, example = "recipient 40 kg lighter than donor")
                @Nullable String note,
        @Nullable Long version) {}
