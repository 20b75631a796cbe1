package org.ramsetu.platform.allocation.offers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The transplant of an accepted organ took place.
 *
 * @param transplantedAt when: not before the offer, not in the future
 * @param version the offer's version read, unless {@code If-Match} gives it
 */
public record TransplantRecordRequest(
        @Nullable @Schema(example = "2026-12-05T11:20:00Z") Instant transplantedAt,
        @Nullable Long version) {}
