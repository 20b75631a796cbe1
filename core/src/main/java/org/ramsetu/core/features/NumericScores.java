package org.ramsetu.core.features;

/**
 * Feature scores from measured values, used in preference to categories. Each is a clamped linear
 * map onto the categorical scale, anchored at the normal value (RamSetu choice, docs/matching.md).
 */
final class NumericScores {
    private NumericScores() {}

    /** HLA: 1.0 at 0 mismatches, −0.1 per mismatch → 0.4 at 6 (the models' trained range). */
    static double hla(int mismatches) {
        return 1.0 - 0.1 * mismatches;
    }

    /** Donor creatinine mg/dL: ≤1.0 → 0.95, 2.0 → 0.675, ≥3.0 → 0.4. */
    static double renal(double creatinine) {
        return clamp(0.95 - 0.275 * (creatinine - 1.0), 0.4, 0.95);
    }

    /** Donor bilirubin mg/dL: ≤1.0 → 0.95, 2.0 → 0.8, ≥4.7 → 0.4. */
    static double liverFunction(double bilirubin) {
        return clamp(0.95 - 0.15 * (bilirubin - 1.0), 0.4, 0.95);
    }

    /** Donor INR: ≤1.0 → 0.95, 1.5 → 0.7, ≥2.1 → 0.4. */
    static double coagulation(double inr) {
        return clamp(0.95 - 0.5 * (inr - 1.0), 0.4, 0.95);
    }

    /** LVEF %: ≥55 → 0.9 (normal echo), 40 → 0.5, lower → 0.4. */
    static double echo(double lvef) {
        return clamp(0.9 - (0.4 / 15.0) * (55 - lvef), 0.4, 0.9);
    }

    /** Endothelial cell density cells/mm²: 2000 → 0.5, 2500 → 0.7, ≥3000 → 0.9. */
    static double eyeHealth(double ecd) {
        return clamp(0.5 + 0.4 * (ecd - 2000) / 1000, 0.4, 0.9);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
