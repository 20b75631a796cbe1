package org.ramsetu.core.blood;

import org.ramsetu.core.organ.Organ;

/**
 * ABO eligibility per organ, as tabulated in docs/domain.md. Rh is deliberately not an input: it
 * never excludes.
 */
public final class AboCompatibility {
    private AboCompatibility() {}

    /**
     * @param zeroHlaMismatch only consulted for kidneys: a 0-A/B/DR-mismatch candidate lifts the
     *     O→O and B→B restriction (OPTN Policy 8, kidney allocation ABO rules).
     */
    public static AboMatch assess(Organ organ, Abo donor, Abo recipient, boolean zeroHlaMismatch) {
        if (organ == Organ.CORNEA) {
            // Cornea is avascular tissue: ABO is not a criterion.
            return AboMatch.NOT_APPLICABLE;
        }
        if (donor == recipient) {
            return AboMatch.IDENTICAL;
        }
        return switch (organ) {
            case KIDNEY -> kidney(donor, recipient, zeroHlaMismatch);
            case LIVER ->
                    donor.canDonateTo(recipient) ? AboMatch.COMPATIBLE : AboMatch.INCOMPATIBLE;
            case HEART -> heart(donor, recipient);
            case CORNEA -> AboMatch.NOT_APPLICABLE;
        };
    }

    // OPTN Policy 8: blood type O kidneys go to O candidates and B kidneys to B candidates, except
    // zero-antigen-mismatch candidates, who may receive any ABO-compatible kidney.
    private static AboMatch kidney(Abo donor, Abo recipient, boolean zeroHlaMismatch) {
        if (!donor.canDonateTo(recipient)) {
            return AboMatch.INCOMPATIBLE;
        }
        boolean restricted = donor == Abo.O || donor == Abo.B;
        return restricted && !zeroHlaMismatch ? AboMatch.INCOMPATIBLE : AboMatch.COMPATIBLE;
    }

    // OPTN Policy 6 (heart), as adopted in docs/domain.md: within a status tier O→O/B, A→A/AB,
    // B→B/AB,
    // AB→AB. OPTN lets O hearts reach A/AB candidates only after O/B candidates are exhausted; we
    // follow the DOMAIN table and do not offer that secondary pass.
    private static AboMatch heart(Abo donor, Abo recipient) {
        boolean allowed =
                switch (donor) {
                    case O -> recipient == Abo.B;
                    case A -> recipient == Abo.AB;
                    case B -> recipient == Abo.AB;
                    case AB -> false;
                };
        return allowed ? AboMatch.COMPATIBLE : AboMatch.INCOMPATIBLE;
    }
}
