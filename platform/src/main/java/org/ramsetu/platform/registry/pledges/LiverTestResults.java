package org.ramsetu.platform.registry.pledges;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.donor.FunctionGrade;
import org.ramsetu.core.donor.ImagingFinding;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.registry.common.LabUnits;
import org.ramsetu.platform.registry.common.Measurement;

/**
 * Liver test results of a pledge; every field optional (not yet reported).
 *
 * @param bilirubin total bilirubin, mg/dL or µmol/L (0.1–80 mg/dL)
 * @param inr international normalised ratio, no unit (0.5–20)
 * @param liverFunction {@code NORMAL}, {@code MILD_IMPAIRMENT} or {@code OTHER}
 * @param imaging {@code NORMAL}, {@code MINOR_ABNORMALITY} or {@code SIGNIFICANT_ABNORMALITY}
 * @param viral {@code NEGATIVE}, {@code POSITIVE} or {@code UNKNOWN}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiverTestResults(
        @Nullable Measurement bilirubin,
        @Nullable Double inr,
        @Nullable String liverFunction,
        @Nullable String imaging,
        @Nullable String viral) {

    LiverTests toCore() {
        return new LiverTests(
                LabUnits.bilirubinMgDl("liver.bilirubin", bilirubin),
                inr,
                Fields.optionalEnum("liver.liverFunction", liverFunction, FunctionGrade.class),
                Fields.optionalEnum("liver.imaging", imaging, ImagingFinding.class),
                Fields.optionalEnum("liver.viral", viral, ViralMarker.class));
    }

    static LiverTestResults of(LiverTests t) {
        return new LiverTestResults(
                Measurement.ofNullable(t.bilirubinMgDl(), LabUnits.MG_DL),
                t.inr(),
                PledgeTests.name(t.liverFunction()),
                PledgeTests.name(t.imaging()),
                PledgeTests.name(t.viral()));
    }
}
