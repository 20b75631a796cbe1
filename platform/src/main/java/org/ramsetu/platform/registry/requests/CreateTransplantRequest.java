package org.ramsetu.platform.registry.requests;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * {@code POST /api/v1/transplant-requests}: the organ, the urgency, and the clinical values of that
 * organ (only the object named like the organ).
 *
 * @param organ {@code KIDNEY}, {@code LIVER}, {@code HEART} or {@code CORNEA}
 * @param urgency 1 (routine) to 5 (most urgent), as the treating team rates it; the centre confirms
 *     or changes it when it verifies the request
 * @param centreId the transplant centre the patient is being listed at (one with a programme for
 *     the organ); without it, the first centre whose coordinator verifies the request takes it on
 */
@NamedInterface("requests")
public record CreateTransplantRequest(
        @Schema(example = "KIDNEY") String organ,
        @Schema(minimum = "" + MIN_URGENCY, maximum = "" + MAX_URGENCY, example = "3")
                Integer urgency,
        @Nullable LiverValues liver,
        @Nullable KidneyValues kidney,
        @Nullable HeartValues heart,
        @Nullable CorneaValues cornea,
        @Nullable UUID centreId)
        implements OrganValues {

    /** Routine. */
    public static final int MIN_URGENCY = 1;

    /** Most urgent. */
    public static final int MAX_URGENCY = 5;
}
