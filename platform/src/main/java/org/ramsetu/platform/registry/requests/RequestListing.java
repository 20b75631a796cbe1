package org.ramsetu.platform.registry.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A transplant request with the patient facts coordinators filter by (from the profile) and the
 * centre it is listed at (null fields without one), when its lab values are due again, and the
 * patient's name from the accounts' published view.
 */
public record RequestListing(
        TransplantRequest request,
        String bloodGroup,
        String hospitalName,
        String city,
        String state,
        @Nullable String centreName,
        @Nullable String centreCity,
        @Nullable String centreState,
        @Nullable Instant labsDueAt,
        @Nullable String patientName) {}
