package org.ramsetu.core.donor;

import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;

/** Liver donor tests: bilirubin mg/dL (0.1–80), INR (0.5–20), categorical results. */
public record LiverTests(
        Double bilirubinMgDl,
        Double inr,
        FunctionGrade liverFunction,
        ImagingFinding imaging,
        ViralMarker viral)
        implements DonorTests {
    public LiverTests {
        if (bilirubinMgDl != null) {
            Require.inRange("liver.bilirubin", bilirubinMgDl, 0.1, 80, "mg/dL");
        }
        if (inr != null) {
            Require.inRange("liver.inr", inr, 0.5, 20, "");
        }
    }

    @Override
    public Organ organ() {
        return Organ.LIVER;
    }
}
