package org.ramsetu.platform.registry.requests;

/**
 * {@code POST /api/v1/transplant-requests}: the organ, the urgency, and the clinical values of that
 * organ (only the object named like the organ).
 *
 * @param organ {@code KIDNEY}, {@code LIVER}, {@code HEART} or {@code CORNEA}
 * @param urgency 1 (routine) to 5 (most urgent), as the treating team rates it
 */
public record CreateTransplantRequest(
        String organ,
        Integer urgency,
        LiverValues liver,
        KidneyValues kidney,
        HeartValues heart,
        CorneaValues cornea) {}
