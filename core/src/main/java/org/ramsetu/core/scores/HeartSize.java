package org.ramsetu.core.scores;

/** Donor–recipient heart size matching. */
public final class HeartSize {
    public static final String VERSION = "HeartSize/PHM-Kransdorf-2019";
    public static final double MIN_PHM_RATIO = 0.86;

    private HeartSize() {}

    /**
     * Predicted heart mass in grams: left plus right ventricular mass from the MESA cardiac MRI
     * equations, as combined by Kransdorf EP et al., "Predicted heart mass is the optimal metric
     * for size match in heart transplantation", J Heart Lung Transplant 2019;38:156–165 (building
     * on Reed RM et al., Am J Transplant 2014). Height in metres, weight in kg, age in years: LV =
     * a·H^0.54·W^0.61 (a = 6.82 female, 8.25 male); RV = a·age^−0.32·H^1.135·W^0.315 (a = 10.59
     * female, 11.25 male).
     */
    public static double predictedHeartMassG(BodySize b) {
        double h = b.heightCm() / 100.0;
        double w = b.weightKg();
        boolean female = b.sex() == Sex.FEMALE;
        double lv = (female ? 6.82 : 8.25) * Math.pow(h, 0.54) * Math.pow(w, 0.61);
        double rv =
                (female ? 10.59 : 11.25)
                        * Math.pow(Math.max(1, b.ageYears()), -0.32)
                        * Math.pow(h, 1.135)
                        * Math.pow(w, 0.315);
        return lv + rv;
    }

    /**
     * Acceptable when the donor weighs within ±{@code weightTolerance} of the recipient
     * (docs/domain.md: 20–30 %) or the PHM ratio is at least 0.86 (Kransdorf 2019 threshold for
     * undersizing).
     */
    public static HeartSizeResult check(
            BodySize donor, BodySize recipient, double weightTolerance) {
        double weightRatio = donor.weightKg() / recipient.weightKg();
        double phmRatio = predictedHeartMassG(donor) / predictedHeartMassG(recipient);
        boolean weightOk = Math.abs(weightRatio - 1.0) <= weightTolerance;
        return new HeartSizeResult(
                weightRatio, phmRatio, weightOk || phmRatio >= MIN_PHM_RATIO, VERSION);
    }
}
