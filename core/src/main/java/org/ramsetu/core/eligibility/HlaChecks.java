package org.ramsetu.core.eligibility;

import java.util.List;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.hla.HlaAntigen;
import org.ramsetu.core.hla.HlaLocus;
import org.ramsetu.core.hla.HlaMatching;
import org.ramsetu.core.hla.HlaMismatch;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.PatientRequest;

/**
 * Virtual crossmatch (any organ, when the patient lists unacceptable antigens) and A/B/DR
 * mismatches (kidney allocation needs both typings).
 */
final class HlaChecks {
    // One donor antigen against the patient's list is the common case: share its exclusion.
    private static final Exclusion[][] SINGLE = new Exclusion[HlaLocus.values().length][1000];

    private HlaChecks() {}

    private static Exclusion single(HlaAntigen antigen) {
        Exclusion[] byNumber = SINGLE[antigen.locus().ordinal()];
        Exclusion e = byNumber[antigen.number()];
        if (e == null) {
            e = unacceptable(List.of(antigen));
            byNumber[antigen.number()] = e; // benign race: equal values
        }
        return e;
    }

    private static Exclusion unacceptable(List<HlaAntigen> hits) {
        return new Exclusion(ReasonCode.UNACCEPTABLE_ANTIGEN, "donor carries " + hits);
    }

    /** The mismatch, or {@code null} when a typing is missing. */
    static HlaMismatch check(DonorOffer donor, PatientRequest patient, ExclusionList out) {
        boolean needsTyping = patient.organ() == Organ.KIDNEY;
        boolean crossmatch = !patient.unacceptableAntigens().isEmpty();
        if (donor.hla() == null) {
            if (needsTyping || crossmatch) {
                out.add(Exclusion.missing("donor HLA typing"));
            }
            return null;
        }
        if (crossmatch) {
            List<HlaAntigen> hits = patient.unacceptableAntigens().conflicts(donor.hla());
            if (!hits.isEmpty()) {
                out.add(hits.size() == 1 ? single(hits.get(0)) : unacceptable(hits));
            }
        }
        if (patient.hla() == null) {
            if (needsTyping) {
                out.add(Exclusion.missing("patient HLA typing"));
            }
            return null;
        }
        return HlaMatching.mismatches(donor.hla(), patient.hla());
    }
}
