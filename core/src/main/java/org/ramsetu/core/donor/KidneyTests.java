package org.ramsetu.core.donor;

import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;

/** Kidney donor tests; creatinine (mg/dL, 0.1–25) is preferred over the categorical grade. */
public record KidneyTests(
        Double creatinineMgDl,
        FunctionGrade renalFunction,
        ImagingFinding imaging,
        CardiacRisk cardiacRisk)
        implements DonorTests {
    public KidneyTests {
        if (creatinineMgDl != null) {
            Require.inRange("kidney.creatinine", creatinineMgDl, 0.1, 25, "mg/dL");
        }
    }

    @Override
    public Organ organ() {
        return Organ.KIDNEY;
    }
}
