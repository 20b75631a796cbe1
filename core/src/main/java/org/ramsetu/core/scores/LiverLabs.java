package org.ramsetu.core.scores;

import org.ramsetu.core.Require;

/**
 * Liver candidate laboratory values in US units, each within a physiologically plausible range.
 *
 * @param bilirubinMgDl total bilirubin, mg/dL (0.1–80)
 * @param inr international normalised ratio (0.5–20)
 * @param creatinineMgDl serum creatinine, mg/dL (0.1–25)
 * @param sodiumMmolL serum sodium, mmol/L (100–180)
 * @param albuminGDl serum albumin, g/dL (0.5–7.0); {@code null} when not measured (MELD 3.0 then
 *     cannot be computed)
 * @param dialysedTwiceInPastWeek ≥2 dialysis sessions, or 24 h CVVHD, in the week before the
 *     creatinine was drawn
 */
public record LiverLabs(
        double bilirubinMgDl,
        double inr,
        double creatinineMgDl,
        double sodiumMmolL,
        Double albuminGDl,
        boolean dialysedTwiceInPastWeek,
        Sex sex) {

    public LiverLabs {
        Require.inRange("bilirubin", bilirubinMgDl, 0.1, 80, "mg/dL");
        Require.inRange("inr", inr, 0.5, 20, "");
        Require.inRange("creatinine", creatinineMgDl, 0.1, 25, "mg/dL");
        Require.inRange("sodium", sodiumMmolL, 100, 180, "mmol/L");
        if (albuminGDl != null) {
            Require.inRange("albumin", albuminGDl, 0.5, 7.0, "g/dL");
        }
        Require.present("sex", sex);
    }

    /** Bilirubin µmol/L → mg/dL (÷ 17.1). */
    public static double bilirubinFromMicromolPerL(double umolL) {
        return umolL / 17.1;
    }

    /** Creatinine µmol/L → mg/dL (÷ 88.4). */
    public static double creatinineFromMicromolPerL(double umolL) {
        return umolL / 88.4;
    }

    /** Albumin g/L → g/dL (÷ 10). */
    public static double albuminFromGramsPerL(double gL) {
        return gL / 10.0;
    }
}
