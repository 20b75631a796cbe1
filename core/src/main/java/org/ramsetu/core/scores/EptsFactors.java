package org.ramsetu.core.scores;

import org.ramsetu.core.Require;

/**
 * Adult kidney candidate factors for raw EPTS.
 *
 * @param yearsOnDialysis {@code null} when the candidate has not started dialysis
 */
public record EptsFactors(
        double ageYears,
        boolean diabetes,
        boolean priorSolidOrganTransplant,
        Double yearsOnDialysis) {
    public EptsFactors {
        Require.inRange("candidate.age", ageYears, 18, 100, "years");
        if (yearsOnDialysis != null) {
            Require.inRange("candidate.yearsOnDialysis", yearsOnDialysis, 0, 60, "years");
        }
    }
}
