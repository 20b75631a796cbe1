package org.ramsetu.core.features;

import java.util.List;
import org.ramsetu.core.organ.Organ;

/**
 * Feature names and order per organ, exactly as docs/domain.md lists them (the scoring models were
 * trained on these names; renaming one silently breaks scoring).
 */
public final class FeatureSchema {
    public static final String DISTANCE_KM = "distance_km";
    public static final String URGENCY_LEVEL = "urgency_level";

    private static final List<String> KIDNEY =
            List.of(
                    "hla_score",
                    "renal_score",
                    "imaging_score",
                    "cardiac_score",
                    DISTANCE_KM,
                    URGENCY_LEVEL);
    private static final List<String> HEART =
            List.of(
                    "blood_compat_score",
                    "echo_score",
                    "angiography_score",
                    "viral_score",
                    "cardiac_risk_score",
                    DISTANCE_KM,
                    URGENCY_LEVEL);
    private static final List<String> LIVER =
            List.of(
                    "blood_compat_score",
                    "liver_function_score",
                    "imaging_score",
                    "viral_score",
                    "coagulation_score",
                    DISTANCE_KM,
                    URGENCY_LEVEL);
    private static final List<String> CORNEA =
            List.of(
                    "infection_score",
                    "eye_health_score",
                    "serology_score",
                    DISTANCE_KM,
                    URGENCY_LEVEL);

    private FeatureSchema() {}

    public static List<String> names(Organ organ) {
        return switch (organ) {
            case KIDNEY -> KIDNEY;
            case HEART -> HEART;
            case LIVER -> LIVER;
            case CORNEA -> CORNEA;
        };
    }
}
