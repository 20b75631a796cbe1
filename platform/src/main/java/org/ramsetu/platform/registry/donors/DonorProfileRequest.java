package org.ramsetu.platform.registry.donors;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.registry.common.Demographics;
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
        LocationBody location,
        @Nullable HlaBody hla,
        MedicalHistoryBody medicalHistory,
        Boolean consent,
        @Nullable Long version) {}
