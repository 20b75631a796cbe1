package org.ramsetu.core.scores;

/** Estimated Post-Transplant Survival for adult kidney candidates. */
public final class Epts {
    public static final String VERSION = "EPTS/OPTN-2014";

    private Epts() {}

    /**
     * OPTN "A Guide to Calculating and Interpreting the EPTS Score": raw = 0.047·max(age−25,0) −
     * 0.015·DM·max(age−25,0) + 0.398·prior_tx − 0.237·DM·prior_tx + 0.315·ln(dialysis_years+1) −
     * 0.099·DM·ln(dialysis_years+1) + 0.130·[not on dialysis] − 0.348·DM·[not on dialysis] +
     * 1.262·DM. Age in years with decimals.
     */
    public static double raw(EptsFactors f) {
        double dm = f.diabetes() ? 1 : 0;
        double ageTerm = Math.max(f.ageYears() - 25, 0);
        double prior = f.priorSolidOrganTransplant() ? 1 : 0;
        boolean onDialysis = f.yearsOnDialysis() != null;
        double lnDialysis = onDialysis ? Math.log(f.yearsOnDialysis() + 1) : 0;
        double notOnDialysis = onDialysis ? 0 : 1;
        return 0.047 * ageTerm
                - 0.015 * dm * ageTerm
                + 0.398 * prior
                - 0.237 * dm * prior
                + 0.315 * lnDialysis
                - 0.099 * dm * lnDialysis
                + 0.130 * notOnDialysis
                - 0.348 * dm * notOnDialysis
                + 1.262 * dm;
    }

    public static EptsResult compute(EptsFactors f, PercentileTable table) {
        double raw = raw(f);
        return new EptsResult(raw, VERSION, table.lookup(raw));
    }
}
