package org.ramsetu.platform.registry.patients;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.registry.common.HlaBody;

/**
 * {@code PUT /api/v1/patients/me}. Only these fields bind; anything else is refused with 400.
 *
 * @param bloodGroup e.g. {@code O+}, {@code AB-}
 * @param sex {@code FEMALE} or {@code MALE}, as the clinical formulas (MELD 3.0) use it
 * @param hla optional until typed; required before a kidney request
 * @param unacceptableAntigens e.g. {@code ["A1", "B8"]}; empty or absent for none
 * @param version optional: the version last read (or send {@code If-Match})
 */
public record PatientProfileRequest(
        String bloodGroup,
        LocalDate dateOfBirth,
        String sex,
        Double heightCm,
        Double weightKg,
        @Nullable HlaBody hla,
        @Nullable List<String> unacceptableAntigens,
        HospitalBody hospital,
        @Nullable Long version) {}
