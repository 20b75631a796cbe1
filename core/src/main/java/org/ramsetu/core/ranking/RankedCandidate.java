package org.ramsetu.core.ranking;

import java.util.List;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.features.FeatureVector;
import org.ramsetu.core.features.Imputation;
import org.ramsetu.core.geo.IschaemiaAssessment;

/**
 * One line of a match list: position, every component and the reason it sits where it does.
 *
 * @param ischaemia the transport plan and cold ischaemia time behind {@code nearIschaemiaLimit};
 *     null where the run assessed none
 * @param degraded ranked without an ML score
 */
public record RankedCandidate(
        int rank,
        CandidateId id,
        UrgencyTier tier,
        AboMatch abo,
        ScoreComponents components,
        boolean nearIschaemiaLimit,
        IschaemiaAssessment ischaemia,
        List<Imputation> imputations,
        FeatureVector features,
        boolean degraded) {

    /**
     * A one-line, human-readable explanation (rendered on demand; a pure function of the fields).
     */
    public String explanation() {
        return Explanations.line(this);
    }
}
