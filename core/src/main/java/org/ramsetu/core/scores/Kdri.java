package org.ramsetu.core.scores;

/** Kidney Donor Risk Index, 2024 refit (race and HCV removed). */
public final class Kdri {
    public static final String VERSION = "KDRI/OPTN-2024-refit";

    /**
     * Median KDRI_Rao of the 2023 reference population, used by OPTN since the October 2024 refit
     * (OPTN "A Guide to Calculating and Interpreting the KDPI", 2024/2025 edition).
     */
    public static final double SCALING_FACTOR_2023 = 1.30900852563932;

    private Kdri() {}

    /** KDPI: the KDRI_median looked up in a versioned OPTN mapping table. */
    public static PercentileResult kdpi(KdriResult kdri, PercentileTable table) {
        if (!"KDRI_median".equals(table.measure())) {
            throw new IllegalArgumentException(
                    table.version() + " maps " + table.measure() + ", not KDRI_median");
        }
        return table.lookup(kdri.kdriMedian());
    }

    public static KdriResult compute(KidneyDonorFactors d) {
        return compute(d, SCALING_FACTOR_2023);
    }

    /**
     * OPTN KDPI guide, Table 1 (refit implemented 31 Oct 2024): xβ = 0.0092(age−40) +
     * 0.0113(age−18)[age<18] + 0.0067(age−50)[age>50] − 0.0557(hgt−170)/10 −
     * 0.0333(wgt−80)/5[wgt<80] + 0.1106·HTN + 0.2577·DM + 0.0743·CVA + 0.2128(Cr−1) −
     * 0.2199(Cr−1.5)[Cr>1.5] + 0.1966·DCD; KDRI_Rao = e^xβ; KDRI_median = KDRI_Rao / scaling.
     * Creatinine above 8 mg/dL is capped at 8 as the guide prescribes.
     */
    public static KdriResult compute(KidneyDonorFactors d, double scalingFactor) {
        int age = d.ageYears();
        double cr = Math.min(8.0, d.creatinineMgDl());
        double xb =
                0.0092 * (age - 40)
                        + (age < 18 ? 0.0113 * (age - 18) : 0)
                        + (age > 50 ? 0.0067 * (age - 50) : 0)
                        - 0.0557 * (d.heightCm() - 170) / 10
                        - (d.weightKg() < 80 ? 0.0333 * (d.weightKg() - 80) / 5 : 0)
                        + (d.hypertension() ? 0.1106 : 0)
                        + (d.diabetes() ? 0.2577 : 0)
                        + (d.causeOfDeathCva() ? 0.0743 : 0)
                        + 0.2128 * (cr - 1)
                        - (cr > 1.5 ? 0.2199 * (cr - 1.5) : 0)
                        + (d.dcd() ? 0.1966 : 0);
        double rao = Math.exp(xb);
        return new KdriResult(rao, rao / scalingFactor, scalingFactor, VERSION);
    }
}
