package org.ramsetu.platform.donation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.registry.pledges.OrganTestResults;

/**
 * What the recovery found.
 *
 * @param organsRecovered the consented organs recovered for transplant; empty when none was usable
 * @param crossClampAt the aortic cross-clamp, where cold ischaemia starts: not before death was
 *     declared, not in the future
 * @param assessments the recovered organs' assessments, in the form a pledge's test results take
 *     (liver function and bilirubin, heart echo and LVEF, cornea cell density and storage medium,
 *     ...): what allocation of a liver, heart or cornea needs; only for organs recovered
 * @param version the version read, unless {@code If-Match} gives it
 */
public record RecoveryRequest(
        @Nullable @Schema(example = "[\"KIDNEY\"]") List<String> organsRecovered,
        @Nullable @Schema(example = "2026-12-05T05:40:00Z") Instant crossClampAt,
        @Nullable OrganTestResults assessments,
        @Nullable Long version) {}
