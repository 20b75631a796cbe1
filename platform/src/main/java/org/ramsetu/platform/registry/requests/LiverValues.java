package org.ramsetu.platform.registry.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.registry.common.LabUnits;
import org.ramsetu.platform.registry.common.Measurement;
import org.springframework.modulith.NamedInterface;

/**
 * The liver candidate's laboratory values behind MELD-Na and MELD 3.0; all required.
 *
 * @param bilirubin total bilirubin, mg/dL or µmol/L (0.1–80 mg/dL)
 * @param inr international normalised ratio, no unit (0.5–20)
 * @param creatinine serum creatinine, mg/dL or µmol/L (0.1–25 mg/dL)
 * @param sodium serum sodium, mmol/L (100–180)
 * @param albumin serum albumin, g/dL or g/L (0.5–7 g/dL)
 * @param dialysedTwiceInPastWeek two or more dialyses (or 24 h CVVHD) in the week before the
 *     creatinine was drawn
 */
@NamedInterface("requests")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiverValues(
        Measurement bilirubin,
        Double inr,
        Measurement creatinine,
        Double sodium,
        Measurement albumin,
        Boolean dialysedTwiceInPastWeek)
        implements ClinicalValues {

    /** Checked, in the units of the formulas; the patient's sex comes from their profile. */
    LiverLabs labs(Sex sex) {
        double bili =
                LabUnits.bilirubinMgDl(
                        "liver.bilirubin", Fields.required("liver.bilirubin", bilirubin));
        double checkedInr = Fields.required("liver.inr", inr);
        double cr =
                LabUnits.creatinineMgDl(
                        "liver.creatinine", Fields.required("liver.creatinine", creatinine));
        double na = Fields.required("liver.sodium", sodium);
        double alb =
                LabUnits.albuminGDl("liver.albumin", Fields.required("liver.albumin", albumin));
        boolean dialysis =
                Fields.required("liver.dialysedTwiceInPastWeek", dialysedTwiceInPastWeek);
        return Fields.under(
                "liver", () -> new LiverLabs(bili, checkedInr, cr, na, alb, dialysis, sex));
    }

    /** The values in canonical units, as stored and shown. */
    static LiverValues of(LiverLabs labs) {
        return new LiverValues(
                Measurement.of(labs.bilirubinMgDl(), LabUnits.MG_DL),
                labs.inr(),
                Measurement.of(labs.creatinineMgDl(), LabUnits.MG_DL),
                labs.sodiumMmolL(),
                Measurement.of(labs.albuminGDl(), LabUnits.G_DL),
                labs.dialysedTwiceInPastWeek());
    }
}
