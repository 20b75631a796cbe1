package org.ramsetu.platform.registry.pledges;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.FunctionGrade;
import org.ramsetu.core.donor.ImagingFinding;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.registry.common.LabUnits;
import org.ramsetu.platform.registry.common.Measurement;

/**
 * Kidney test results of a pledge; every field optional (not yet reported).
 *
 * @param creatinine serum creatinine, mg/dL or µmol/L (0.1–25 mg/dL)
 * @param renalFunction {@code NORMAL}, {@code MILD_IMPAIRMENT} or {@code OTHER}
 * @param imaging {@code NORMAL}, {@code MINOR_ABNORMALITY} or {@code SIGNIFICANT_ABNORMALITY}
 * @param cardiacRisk {@code GOOD}, {@code AVERAGE} or {@code POOR}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KidneyTestResults(
        @Nullable Measurement creatinine,
        @Nullable String renalFunction,
        @Nullable String imaging,
        @Nullable String cardiacRisk) {

    KidneyTests toCore() {
        return new KidneyTests(
                LabUnits.creatinineMgDl("kidney.creatinine", creatinine),
                Fields.optionalEnum("kidney.renalFunction", renalFunction, FunctionGrade.class),
                Fields.optionalEnum("kidney.imaging", imaging, ImagingFinding.class),
                Fields.optionalEnum("kidney.cardiacRisk", cardiacRisk, CardiacRisk.class));
    }

    static KidneyTestResults of(KidneyTests t) {
        return new KidneyTestResults(
                Measurement.ofNullable(t.creatinineMgDl(), LabUnits.MG_DL),
                PledgeTests.name(t.renalFunction()),
                PledgeTests.name(t.imaging()),
                PledgeTests.name(t.cardiacRisk()));
    }
}
