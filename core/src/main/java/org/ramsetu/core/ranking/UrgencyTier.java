package org.ramsetu.core.ranking;

import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.Meld;
import org.ramsetu.core.scores.MeldScore;

/**
 * The first ranking key; higher {@code rank} is more urgent. Heart: status 1 → 6 … status 6 → 1
 * (OPTN Policy 6). Liver: the MELD-Na score (OPTN Policy 9). Kidney and cornea: the request's
 * urgency level 1–5.
 */
public record UrgencyTier(int rank, String label, String formulaVersion) {

    /** Callers must have checked eligibility: hearts need a status, livers their labs. */
    public static UrgencyTier of(PatientRequest p) {
        return switch (p.organ()) {
            case HEART ->
                    new UrgencyTier(
                            7 - p.heartStatus().code(),
                            "heart status " + p.heartStatus().code(),
                            "OPTN-Policy6-2018");
            case LIVER -> {
                MeldScore meld = Meld.meldNa(p.liverLabs());
                yield new UrgencyTier(
                        meld.score(), "MELD-Na " + meld.score(), meld.formulaVersion());
            }
            case KIDNEY, CORNEA ->
                    new UrgencyTier(
                            p.urgencyLevel(), "urgency " + p.urgencyLevel(), "urgency-level");
        };
    }
}
