package org.ramsetu.platform.allocation.runs;

import org.ramsetu.core.geo.TransportSettings;

/**
 * The settings besides the policy that a run was computed with, stored with it.
 *
 * @param heartWeightTolerance accepted donor/recipient weight difference for hearts
 */
public record RunSettings(TransportSettings transport, double heartWeightTolerance) {}
