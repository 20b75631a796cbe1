package org.ramsetu.platform.registry.requests;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A request body's clinical values, one object per organ of which only the request's organ may be
 * given: what {@link ListingAssessment} checks and scores, at listing and at a later change.
 */
@NamedInterface("requests")
public interface OrganValues {

    @Nullable LiverValues liver();

    @Nullable KidneyValues kidney();

    @Nullable HeartValues heart();

    @Nullable CorneaValues cornea();
}
