package org.ramsetu.core.scores;

import org.ramsetu.core.Require;

/**
 * The eight deceased-donor factors of the 2024 KDRI refit. Ranges follow the OPTN KDPI guide's
 * plausibility limits (height ≤ 241.3 cm, weight 0.454–294 kg, creatinine 0.01–40 mg/dL).
 */
public record KidneyDonorFactors(
        int ageYears,
        double heightCm,
        double weightKg,
        boolean hypertension,
        boolean diabetes,
        boolean causeOfDeathCva,
        double creatinineMgDl,
        boolean dcd) {

    public KidneyDonorFactors {
        Require.inRange("donor.age", ageYears, 0, 99, "years");
        Require.inRange("donor.height", heightCm, 30, 241.3, "cm");
        Require.inRange("donor.weight", weightKg, 0.454, 294, "kg");
        Require.inRange("donor.creatinine", creatinineMgDl, 0.01, 40, "mg/dL");
    }
}
