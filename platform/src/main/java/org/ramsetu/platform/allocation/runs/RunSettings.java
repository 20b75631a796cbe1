package org.ramsetu.platform.allocation.runs;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ramsetu.core.geo.TransportSettings;

/**
 * The settings besides the policy that a run was computed with, stored with it.
 *
 * @param heartWeightTolerance accepted donor/recipient weight difference for hearts
 */
@Schema(name = "AllocationRunSettings")
public record RunSettings(TransportSettings transport, double heartWeightTolerance) {}
