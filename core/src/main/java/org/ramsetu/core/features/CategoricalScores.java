package org.ramsetu.core.features;

import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.donor.AngiographyFinding;
import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.EchoFinding;
import org.ramsetu.core.donor.EyeHealth;
import org.ramsetu.core.donor.FunctionGrade;
import org.ramsetu.core.donor.ImagingFinding;
import org.ramsetu.core.donor.InfectionStatus;
import org.ramsetu.core.donor.ViralMarker;

/**
 * Documented mappings from categorical test results to feature scores. Values marked DOMAIN come
 * from docs/domain.md (the original platform's mapping, kept so the models stay valid); the others
 * are RamSetu choices on the same 0.3–0.95 scale, documented in docs/matching.md.
 */
final class CategoricalScores {
    private CategoricalScores() {}

    static double viral(ViralMarker m) { // DOMAIN
        return switch (m) {
            case NEGATIVE -> 0.95;
            case POSITIVE -> 0.3;
            case UNKNOWN -> 0.6;
        };
    }

    static double function(FunctionGrade g) { // DOMAIN
        return switch (g) {
            case NORMAL -> 0.9;
            case MILD_IMPAIRMENT -> 0.7;
            case OTHER -> 0.5;
        };
    }

    static double echo(EchoFinding e) { // DOMAIN: normal 0.9; abnormal mirrors "other" 0.5
        return e == EchoFinding.NORMAL ? 0.9 : 0.5;
    }

    static double angiography(AngiographyFinding a) { // DOMAIN
        return a == AngiographyFinding.NO_BLOCKAGE ? 0.9 : 0.6;
    }

    static double cardiacRisk(CardiacRisk r) { // DOMAIN
        return switch (r) {
            case GOOD -> 0.85;
            case AVERAGE -> 0.65;
            case POOR -> 0.4;
        };
    }

    static double eyeHealth(EyeHealth e) { // DOMAIN
        return switch (e) {
            case GOOD -> 0.9;
            case AVERAGE -> 0.7;
            case OTHER -> 0.5;
        };
    }

    static double imaging(ImagingFinding i) { // RamSetu: same scale as function grades
        return switch (i) {
            case NORMAL -> 0.9;
            case MINOR_ABNORMALITY -> 0.7;
            case SIGNIFICANT_ABNORMALITY -> 0.5;
        };
    }

    static double infection(InfectionStatus s) { // RamSetu: same scale as viral markers
        return switch (s) {
            case NONE -> 0.95;
            case SUSPECTED -> 0.6;
            case CONFIRMED -> 0.3;
        };
    }

    static double bloodCompat(AboMatch m) { // RamSetu: identical preferred to compatible
        return m == AboMatch.IDENTICAL ? 1.0 : 0.8;
    }
}
