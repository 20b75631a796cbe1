package org.ramsetu.infra.flags;

/**
 * A flag before and after one change, as recorded in {@code feature_flag_change} and in the
 * coordinator's audit entry.
 *
 * @param before null when the change created the flag
 */
public record FlagChange(FeatureFlag before, FeatureFlag after) {}
