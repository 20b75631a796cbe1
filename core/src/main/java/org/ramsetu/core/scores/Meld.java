package org.ramsetu.core.scores;

import org.ramsetu.core.InvalidClinicalValueException;

/** MELD(i), MELD-Na and MELD 3.0, each with every published clamp. */
public final class Meld {
    public static final String MELD_NA = "MELD-Na/OPTN-2016";
    public static final String MELD_3 = "MELD3.0/Kim-2021";

    private Meld() {}

    /**
     * MELD-Na as defined in OPTN Policy 9.1.D (in force from January 2016): bilirubin, INR and
     * creatinine below 1.0 are set to 1.0; creatinine is capped at 4.0 and set to 4.0 after ≥2
     * dialyses (or 24 h CVVHD) in the prior week. MELD(i) = 0.957·ln(Cr) + 0.378·ln(bili) +
     * 1.120·ln(INR) + 0.643, rounded to the tenth and multiplied by 10. If MELD(i) > 11, MELD =
     * MELD(i) + 1.32·(137 − Na) − 0.033·MELD(i)·(137 − Na), Na bounded to 125–137. Result rounded,
     * range 6–40.
     */
    public static MeldScore meldNa(LiverLabs labs) {
        double bili = Math.max(1.0, labs.bilirubinMgDl());
        double inr = Math.max(1.0, labs.inr());
        double cr =
                labs.dialysedTwiceInPastWeek()
                        ? 4.0
                        : Math.min(4.0, Math.max(1.0, labs.creatinineMgDl()));
        double raw = 0.957 * Math.log(cr) + 0.378 * Math.log(bili) + 1.120 * Math.log(inr) + 0.643;
        double meldI = Math.min(40.0, Math.round(raw * 10.0));
        double meld = meldI;
        if (meldI > 11) {
            double na = clamp(labs.sodiumMmolL(), 125, 137);
            meld = meldI + 1.32 * (137 - na) - 0.033 * meldI * (137 - na);
        }
        return new MeldScore(bounded(meld), meldI, MELD_NA);
    }

    /**
     * MELD 3.0, Kim WR et al., "MELD 3.0: The Model for End-Stage Liver Disease Updated for the
     * Modern Era", Gastroenterology 2021;161:1887–1895 (adopted by OPTN Policy 9, July 2023):
     * 1.33·female + 4.56·ln(bili) + 0.82·(137 − Na) − 0.24·(137 − Na)·ln(bili) + 9.09·ln(INR) +
     * 11.14·ln(Cr) + 1.85·(3.5 − Alb) − 1.83·(3.5 − Alb)·ln(Cr) + 6. Bounds: bili, INR, Cr ≥ 1.0;
     * Cr ≤ 3.0 (3.0 on dialysis); Na 125–137; albumin 1.5–3.5 g/dL. Rounded, range 6–40.
     */
    public static MeldScore meld30(LiverLabs labs) {
        if (labs.albuminGDl() == null) {
            throw new InvalidClinicalValueException("albumin", "albumin is required for MELD 3.0");
        }
        double lnBili = Math.log(Math.max(1.0, labs.bilirubinMgDl()));
        double lnInr = Math.log(Math.max(1.0, labs.inr()));
        double lnCr =
                Math.log(
                        labs.dialysedTwiceInPastWeek()
                                ? 3.0
                                : clamp(labs.creatinineMgDl(), 1.0, 3.0));
        double naGap = 137 - clamp(labs.sodiumMmolL(), 125, 137);
        double albGap = 3.5 - clamp(labs.albuminGDl(), 1.5, 3.5);
        double female = labs.sex() == Sex.FEMALE ? 1.0 : 0.0;
        double score =
                1.33 * female
                        + 4.56 * lnBili
                        + 0.82 * naGap
                        - 0.24 * naGap * lnBili
                        + 9.09 * lnInr
                        + 11.14 * lnCr
                        + 1.85 * albGap
                        - 1.83 * albGap * lnCr
                        + 6;
        return new MeldScore(bounded(score), Double.NaN, MELD_3);
    }

    private static int bounded(double meld) {
        return (int) Math.max(6, Math.min(40, Math.round(meld)));
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
