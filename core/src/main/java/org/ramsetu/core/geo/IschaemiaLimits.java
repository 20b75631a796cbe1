package org.ramsetu.core.geo;

import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;

/**
 * Target and hard maximum cold ischaemia for an organ (docs/domain.md): heart 4 h (hard 6), liver 8
 * h (hard 12), kidney 24 h (hard 36); cornea: the storage medium's limit for both.
 */
public record IschaemiaLimits(double targetHours, double hardHours) {
    /** Fraction of the hard limit from which a feasible offer is flagged near-limit. */
    public static final double NEAR_LIMIT_FRACTION = 0.8;

    public IschaemiaLimits {
        Require.inRange("ischaemia.targetHours", targetHours, 0.1, 28 * 24, "h");
        Require.inRange("ischaemia.hardHours", hardHours, targetHours, 28 * 24, "h");
    }

    private static final IschaemiaLimits HEART = new IschaemiaLimits(4, 6);
    private static final IschaemiaLimits LIVER = new IschaemiaLimits(8, 12);
    private static final IschaemiaLimits KIDNEY = new IschaemiaLimits(24, 36);

    public static IschaemiaLimits forOrgan(Organ organ, StorageMedium corneaMedium) {
        return switch (organ) {
            case HEART -> HEART;
            case LIVER -> LIVER;
            case KIDNEY -> KIDNEY;
            case CORNEA -> {
                Require.present("cornea.storageMedium", corneaMedium);
                yield new IschaemiaLimits(corneaMedium.limitHours(), corneaMedium.limitHours());
            }
        };
    }

    /**
     * @param elapsedHours cold ischaemia (or storage) already used before transport starts
     */
    public IschaemiaAssessment assess(
            double elapsedHours, TransportPlan plan, double surgeryHours) {
        double total = elapsedHours + plan.hours() + surgeryHours;
        boolean feasible = total <= hardHours;
        boolean nearLimit =
                feasible && (total > targetHours || total >= NEAR_LIMIT_FRACTION * hardHours);
        return new IschaemiaAssessment(total, targetHours, hardHours, feasible, nearLimit, plan);
    }
}
