package org.ramsetu.core.scores;

import org.ramsetu.core.Require;

/** Age, sex, height and weight, as needed for heart size matching. */
public record BodySize(int ageYears, Sex sex, double heightCm, double weightKg) {
    public BodySize {
        Require.inRange("age", ageYears, 0, 100, "years");
        Require.present("sex", sex);
        Require.inRange("height", heightCm, 40, 250, "cm");
        Require.inRange("weight", weightKg, 2, 300, "kg");
    }
}
