package org.ramsetu.platform.registry.requests;

import org.jspecify.annotations.Nullable;

/**
 * A transplant request with the patient facts coordinators filter by (from the profile) and the
 * centre it is listed at (null fields without one).
 */
public record RequestListing(
        TransplantRequest request,
        String bloodGroup,
        String hospitalName,
        String city,
        String state,
        @Nullable String centreName,
        @Nullable String centreCity,
        @Nullable String centreState) {}
