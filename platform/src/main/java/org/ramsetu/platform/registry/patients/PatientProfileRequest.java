package org.ramsetu.platform.registry.patients;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.registry.common.Demographics;
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
        @Schema(example = "O+") String bloodGroup,
        @Schema(example = "1985-04-12") LocalDate dateOfBirth,
        @Schema(example = "FEMALE") String sex,
        @Schema(
                        minimum = "" + Demographics.MIN_HEIGHT_CM,
                        maximum = "" + Demographics.MAX_HEIGHT_CM,
                        example = "162")
                Double heightCm,
        @Schema(
                        minimum = "" + Demographics.MIN_WEIGHT_KG,
                        maximum = "" + Demographics.MAX_WEIGHT_KG,
                        example = "58.5")
                Double weightKg,
        @Nullable HlaBody hla,
        @Schema(example = "[\"A1\", \"B8\"]") @Nullable List<String> unacceptableAntigens,
        HospitalBody hospital,
        @Nullable Long version) {}
