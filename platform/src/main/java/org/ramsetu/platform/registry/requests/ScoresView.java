package org.ramsetu.platform.registry.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.EptsResult;
import org.ramsetu.core.scores.MeldScore;

/**
 * The scores of a request as computed at listing, each with its formula version.
 *
 * @param notes why an expected score is absent, e.g. EPTS for a child
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoresView(
        @Nullable Meld meldNa,
        @Nullable Meld meld3,
        @Nullable EptsView epts,
        @Nullable HeartStatusView heartStatus,
        @Nullable List<String> notes) {

    public record Meld(int score, String formulaVersion) {}

    /**
     * @param percentile lower is longer expected survival; top 20 % get kidneys of KDPI ≤ 20 %
     *     first
     * @param provisionalTable true while the bundled percentile table is not a verified OPTN table
     */
    public record EptsView(
            double raw,
            int percentile,
            String formulaVersion,
            String tableVersion,
            boolean provisionalTable) {}

    /**
     * @param tier 1 (most urgent) … 6; 7 inactive
     */
    public record HeartStatusView(int tier, String formulaVersion) {}

    static ScoresView of(Organ organ, ClinicalScores s) {
        List<String> notes = new ArrayList<>();
        if (organ == Organ.KIDNEY && s.epts() == null) {
            notes.add(
                    "EPTS not computed: it is defined for candidates aged "
                            + ListingAssessment.EPTS_MINIMUM_AGE
                            + " or over at listing");
        }
        return new ScoresView(
                meld(s.meldNa()),
                meld(s.meld3()),
                s.epts() == null ? null : epts(s.epts()),
                s.heartStatus() == null
                        ? null
                        : new HeartStatusView(
                                s.heartStatus().code(), ClinicalScores.HEART_STATUS_VERSION),
                notes.isEmpty() ? null : notes);
    }

    private static Meld meld(MeldScore score) {
        return score == null ? null : new Meld(score.score(), score.formulaVersion());
    }

    private static EptsView epts(EptsResult e) {
        return new EptsView(
                e.raw(),
                e.percentile().percentile(),
                e.formulaVersion(),
                e.percentile().tableVersion(),
                e.percentile().provisional());
    }
}
