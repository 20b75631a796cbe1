package org.ramsetu.platform.donation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Opens a donation case.
 *
 * @param consent {@code PLEDGE} (the donor's verified pledge records their consent; give {@code
 *     pledgeId}) or {@code FAMILY} (the family consented at the hospital; no pledge)
 * @param pledgeId one of the donor's verified pledges, only with {@code PLEDGE}
 */
public record OpenCaseRequest(
        @Nullable @Schema(example = "FAMILY") String consent,
        @Nullable UUID pledgeId,
        @Nullable DonorRecordBody record) {}
