package org.ramsetu.platform.registry.requests;

import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/transplant-requests/{id}/clinical}: the request's clinical values as they are
 * now, whole (only the object named like the request's organ).
 *
 * @param version the version last read; instead of (or agreeing with) {@code If-Match}
 */
public record ClinicalValuesChange(
        @Nullable LiverValues liver,
        @Nullable KidneyValues kidney,
        @Nullable HeartValues heart,
        @Nullable CorneaValues cornea,
        @Nullable Long version)
        implements OrganValues {}
