package org.ramsetu.platform.registry.pledges;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/pledges}: the organ, explicit consent, and the test results for that organ
 * (only the object named like the organ; results for another organ are refused).
 *
 * @param organ {@code KIDNEY}, {@code LIVER}, {@code HEART} or {@code CORNEA}
 * @param consent must be true: the donor's explicit consent to donate this organ
 */
public record CreatePledgeRequest(
        String organ,
        Boolean consent,
        @Nullable KidneyTestResults kidney,
        @Nullable LiverTestResults liver,
        @Nullable HeartTestResults heart,
        @Nullable CorneaTestResults cornea) {}
