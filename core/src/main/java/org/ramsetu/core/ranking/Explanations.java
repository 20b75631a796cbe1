package org.ramsetu.core.ranking;

import java.util.List;
import java.util.Locale;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.features.Imputation;

/**
 * Renders the explanation line a coordinator reads next to each candidate. A pure function of what
 * a run stores about the candidate, so a stored run need not keep the line: it is rendered when the
 * run is read.
 */
public final class Explanations {
    private Explanations() {}

    static String line(RankedCandidate c) {
        return line(
                c.rank(),
                c.id(),
                c.tier().label(),
                c.abo(),
                c.components(),
                c.degraded(),
                c.nearIschaemiaLimit(),
                c.imputations());
    }

    /**
     * The line of a ranked candidate from its stored fields.
     *
     * @param tierLabel the urgency tier's label, e.g. {@code urgency 3}
     * @param degraded ranked without an ML score
     */
    public static String line(
            int rank,
            CandidateId id,
            String tierLabel,
            AboMatch abo,
            ScoreComponents s,
            boolean degraded,
            boolean nearIschaemiaLimit,
            List<Imputation> imputations) {
        StringBuilder b = new StringBuilder(160);
        b.append('#').append(rank).append(' ').append(id).append(": ").append(tierLabel);
        // 400 HLA points are zero A/B/DR mismatches exactly (400 − 66.67 × mismatches): the
        // reason such a pair stands above better-scored ones (RankingPolicy).
        if (s.hlaPoints() == 400.0) {
            b.append(", 0-mismatch");
        }
        if (abo != AboMatch.NOT_APPLICABLE) {
            b.append(", ABO ").append(abo.name().toLowerCase(Locale.ROOT));
        }
        // Every candidate of a run gets a line (tens of thousands per run): Decimals instead of
        // String.format, which parsed its pattern anew each time and was a tenth of a run's CPU.
        b.append("; score ");
        Decimals.append(b, s.combined(), 3).append(" =");
        String sep = " ";
        if (!Double.isNaN(s.ml())) {
            b.append(sep).append("ML ");
            Decimals.append(b, s.ml(), 2).append('×');
            Decimals.append(b, s.wMl(), 2);
            sep = " + ";
        }
        if (!Double.isNaN(s.hlaPoints())) {
            b.append(sep).append("HLA ");
            Decimals.append(b, s.hlaPoints(), 0).append("/400×");
            Decimals.append(b, s.wHla(), 2);
            sep = " + ";
        }
        b.append(sep).append("waited ").append(s.waitingDays()).append(" d×");
        Decimals.append(b, s.wWaiting(), 2).append(" + ");
        Decimals.append(b, s.distanceKm(), 0).append(" km×");
        Decimals.append(b, s.wDistance(), 2);
        if (degraded) {
            b.append("; clinical only (ML score unavailable)");
        }
        if (nearIschaemiaLimit) {
            b.append("; near ischaemia limit");
        }
        if (!imputations.isEmpty()) {
            b.append("; imputed:");
            for (Imputation i : imputations) {
                b.append(' ').append(i.feature());
            }
        }
        return b.toString();
    }
}
