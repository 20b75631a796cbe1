package org.ramsetu.core.eligibility;

import java.util.Locale;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorOffer;

/**
 * Cornea-specific donor criteria (docs/domain.md, Indian eye-banking practice): endothelial cell
 * density above 2,000 cells/mm² for optical grafts, donor age 12–75, death-to-enucleation ≤ 6 h.
 */
final class CorneaChecks {
    static final double MIN_ECD = 2000;
    static final int MIN_AGE = 12;
    static final int MAX_AGE = 75;
    static final double MAX_ENUCLEATION_HOURS = 6;

    private CorneaChecks() {}

    static void check(DonorOffer donor, CorneaTests t, ExclusionList out) {
        if (donor.body() == null) {
            out.add(Exclusion.missing("donor age"));
        } else if (donor.body().ageYears() < MIN_AGE || donor.body().ageYears() > MAX_AGE) {
            out.add(
                    new Exclusion(
                            ReasonCode.DONOR_AGE_OUT_OF_RANGE,
                            "donor age "
                                    + donor.body().ageYears()
                                    + " outside "
                                    + MIN_AGE
                                    + "–"
                                    + MAX_AGE));
        }
        if (t.endothelialCellDensity() == null) {
            out.add(Exclusion.missing("endothelial cell density"));
        } else if (t.endothelialCellDensity() <= MIN_ECD) {
            out.add(
                    new Exclusion(
                            ReasonCode.ENDOTHELIAL_DENSITY_LOW,
                            String.format(
                                    Locale.ROOT,
                                    "%.0f cells/mm² ≤ %.0f",
                                    t.endothelialCellDensity(),
                                    MIN_ECD)));
        }
        if (t.deathToEnucleationHours() == null) {
            out.add(Exclusion.missing("death-to-enucleation time"));
        } else if (t.deathToEnucleationHours() > MAX_ENUCLEATION_HOURS) {
            out.add(
                    new Exclusion(
                            ReasonCode.ENUCLEATION_DELAY_EXCEEDED,
                            String.format(
                                    Locale.ROOT,
                                    "%.1f h > %.0f h",
                                    t.deathToEnucleationHours(),
                                    MAX_ENUCLEATION_HOURS)));
        }
    }
}
