package org.ramsetu.core.geo;

/** Corneal storage media and their maximum storage time (docs/domain.md, eye-banking practice). */
public enum StorageMedium {
    MOIST_CHAMBER(48),
    MK_MEDIUM(4 * 24),
    OPTISOL_GS(14 * 24),
    ORGAN_CULTURE(28 * 24);

    private final double limitHours;

    StorageMedium(double limitHours) {
        this.limitHours = limitHours;
    }

    public double limitHours() {
        return limitHours;
    }
}
