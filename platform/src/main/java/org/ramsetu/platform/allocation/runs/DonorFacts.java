package org.ramsetu.platform.allocation.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What a run records about the donor beyond the pledge id: the blood group and, for kidneys, the
 * KDRI/KDPI (or why it is unknown).
 *
 * @param kdpi the KDPI percentile; null when not a kidney or not computable
 * @param kdpiProvisional the bundled KDPI table is not a verified current OPTN table
 * @param kdpiNote how KDPI was computed, or why it could not be
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DonorFacts(
        String bloodGroup,
        @Nullable Double kdri,
        @Nullable Double kdriMedian,
        @Nullable Integer kdpi,
        @Nullable String kdriVersion,
        @Nullable String kdpiTableVersion,
        @Nullable Boolean kdpiProvisional,
        @Nullable String kdpiNote) {}
