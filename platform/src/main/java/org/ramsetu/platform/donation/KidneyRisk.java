package org.ramsetu.platform.donation;

import org.jspecify.annotations.Nullable;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.scores.Kdri;
import org.ramsetu.core.scores.KdriResult;
import org.ramsetu.core.scores.KidneyDonorFactors;
import org.ramsetu.core.scores.PercentileResult;
import org.ramsetu.core.scores.PercentileTable;

/**
 * The donor's KDRI and KDPI as the case shows them, with the factors they came from and the
 * versions of the formula and of the mapping table, so a reader can redo the sum.
 *
 * @param kdri KDRI_Rao; null when the record lies outside the formula's ranges
 * @param kdriMedian KDRI scaled by the reference population's median, what KDPI maps
 * @param kdpi percent 0–100, lower is better; null when unknown
 * @param provisional whether the mapping table is the provisional one
 * @param factors the eight factors of the 2024 refit as read from the record
 * @param unknownBecause why there is no KDPI; null when there is one
 */
public record KidneyRisk(
        @Nullable Double kdri,
        @Nullable Double kdriMedian,
        @Nullable Integer kdpi,
        String formulaVersion,
        @Nullable String tableVersion,
        @Nullable Boolean provisional,
        @Nullable KidneyDonorFactors factors,
        @Nullable String unknownBecause) {

    /** From the record as it stands; what allocation runs of the case's kidney record too. */
    public static KidneyRisk of(DonorRecord record, PercentileTable kdpiTable) {
        KidneyDonorFactors factors;
        try {
            factors = record.kdriFactors();
        } catch (InvalidClinicalValueException outsideKdriRange) {
            return new KidneyRisk(
                    null,
                    null,
                    null,
                    Kdri.VERSION,
                    null,
                    null,
                    null,
                    outsideKdriRange.getMessage());
        }
        KdriResult kdri = Kdri.compute(factors);
        PercentileResult kdpi = Kdri.kdpi(kdri, kdpiTable);
        return new KidneyRisk(
                kdri.kdriRao(),
                kdri.kdriMedian(),
                kdpi.percentile(),
                kdri.formulaVersion(),
                kdpi.tableVersion(),
                kdpi.provisional(),
                factors,
                null);
    }
}
