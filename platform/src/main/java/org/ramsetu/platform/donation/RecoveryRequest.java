package org.ramsetu.platform.donation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the recovery found.
 *
 * @param organsRecovered the consented organs recovered for transplant; empty when none was usable
 * @param crossClampAt the aortic cross-clamp, where cold ischaemia starts: not before death was
 *     declared, not in the future
 * @param version the version read, unless {@code If-Match} gives it
 */
public record RecoveryRequest(
        @Nullable @Schema(example = "[\"KIDNEY\"]") List<String> organsRecovered,
        @Nullable @Schema(example = "2026-12-05T05:40:00Z") Instant crossClampAt,
        @Nullable Long version) {}
