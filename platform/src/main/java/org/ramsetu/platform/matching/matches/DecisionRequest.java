package org.ramsetu.platform.matching.matches;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of an approval or a decline.
 *
 * @param reason for a decline: {@code DONOR_QUALITY}, {@code SIZE}, {@code POSITIVE_CROSSMATCH},
 *     {@code PATIENT_UNWELL}, {@code LOGISTICS} or {@code OTHER}
 * @param note free text, required with {@code OTHER} (at most 1,000 characters)
 * @param version the match version last read (or send {@code If-Match})
 * @param passedOver for an approval: why each proposal ranked above this one, still open, is passed
 *     over (a coded reason each); they are declined with those reasons in the approval's
 *     transaction
 */
public record DecisionRequest(
        @Schema(example = "SIZE") @Nullable String reason,
        @Schema(maxLength = DecidingMatch.MAX_NOTE, example = "recipient 40 kg lighter than donor")
                @Nullable String note,
        @Nullable Long version,
        @ArraySchema(maxItems = DecidingMatch.MAX_PASSED_OVER)
                @Nullable List<PassedOver> passedOver) {

    /**
     * A proposal ranked above the one approved, and why the coordinator passes over it.
     *
     * @param matchId the proposal passed over
     * @param reason a coordinator's decline code, as for a decline
     * @param note free text, required with {@code OTHER}
     */
    public record PassedOver(
            @Nullable UUID matchId,
            @Schema(example = "POSITIVE_CROSSMATCH") @Nullable String reason,
            @Schema(maxLength = DecidingMatch.MAX_NOTE) @Nullable String note) {}
}
