package org.ramsetu.platform.registry.requests;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * {@code POST /api/v1/transplant-requests}: the organ, the urgency, and the clinical values of that
 * organ (only the object named like the organ).
 *
 * @param organ {@code KIDNEY}, {@code LIVER}, {@code HEART} or {@code CORNEA}
 * @param urgency 1 (routine) to 5 (most urgent), as the treating team rates it
 */
@NamedInterface("requests")
public record CreateTransplantRequest(
        @Schema(example = "KIDNEY") String organ,
        @Schema(minimum = "" + MIN_URGENCY, maximum = "" + MAX_URGENCY, example = "3")
                Integer urgency,
        @Nullable LiverValues liver,
        @Nullable KidneyValues kidney,
        @Nullable HeartValues heart,
        @Nullable CorneaValues cornea) {

    /** Routine. */
    public static final int MIN_URGENCY = 1;

    /** Most urgent. */
    public static final int MAX_URGENCY = 5;
}
