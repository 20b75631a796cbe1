package org.ramsetu.core.allocation;

import java.util.List;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.features.Imputation;
import org.ramsetu.core.geo.IschaemiaAssessment;
import org.ramsetu.core.hla.HlaMismatch;
import org.ramsetu.core.ranking.CandidateId;

/**
 * One line of an allocation run: the request's place, every group it fell in and every part of its
 * points, so that a coordinator can see why it sits where it does.
 *
 * @param groups the policy's groups in order, with this candidate's place in each
 * @param urgency the request's urgency as its organ measures it, e.g. {@code heart status 2}
 * @param hlaMismatch null unless a kidney with both typings
 * @param eptsPercentile kidney candidates' EPTS, when known
 * @param meld the liver MELD the policy ordered by, else null
 * @param degraded ranked without the ML score
 */
public record AllocatedCandidate(
        int rank,
        CandidateId id,
        List<Placement> groups,
        Points points,
        AboMatch abo,
        HlaMismatch hlaMismatch,
        Integer eptsPercentile,
        Integer meld,
        String urgency,
        int distanceBand,
        IschaemiaAssessment ischaemia,
        boolean nearIschaemiaLimit,
        List<Imputation> imputations,
        boolean degraded) {

    /** The one-line explanation, a pure function of the fields. */
    public String explanation() {
        return AllocationExplanations.line(this);
    }
}
