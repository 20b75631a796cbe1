package org.ramsetu.platform.registry.donors;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.registry.common.HlaBody;
import org.ramsetu.platform.registry.common.LocationBody;

/**
 * {@code PUT /api/v1/donors/me}. Only these fields bind; anything else is refused with 400.
 *
 * @param bloodGroup e.g. {@code O+}, {@code AB-}
 * @param sex {@code FEMALE} or {@code MALE}, as the clinical formulas use it
 * @param hla optional until typed
 * @param consent must be true: the donor agrees that RamSetu keeps this profile and shows it to
 *     transplant coordinators
 * @param version optional: the version last read (or send {@code If-Match})
 */
public record DonorProfileRequest(
        String bloodGroup,
        LocalDate dateOfBirth,
        String sex,
        Double heightCm,
        Double weightKg,
        LocationBody location,
        @Nullable HlaBody hla,
        MedicalHistoryBody medicalHistory,
        Boolean consent,
        @Nullable Long version) {}
