package org.ramsetu.core.ranking;

import java.util.Locale;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.features.Imputation;

/** Renders the explanation line a coordinator reads next to each candidate. */
final class Explanations {
    private Explanations() {}

    static String line(RankedCandidate c) {
        ScoreComponents s = c.components();
        StringBuilder b = new StringBuilder(160);
        b.append('#')
                .append(c.rank())
                .append(' ')
                .append(c.id())
                .append(": ")
                .append(c.tier().label());
        // 400 HLA points are zero A/B/DR mismatches exactly (400 − 66.67 × mismatches): the
        // reason such a pair stands above better-scored ones (RankingPolicy).
        if (s.hlaPoints() == 400.0) {
            b.append(", 0-mismatch");
        }
        if (c.abo() != AboMatch.NOT_APPLICABLE) {
            b.append(", ABO ").append(c.abo().name().toLowerCase(Locale.ROOT));
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
        if (c.degraded()) {
            b.append("; clinical only (ML score unavailable)");
        }
        if (c.nearIschaemiaLimit()) {
            b.append("; near ischaemia limit");
        }
        if (!c.imputations().isEmpty()) {
            b.append("; imputed:");
            for (Imputation i : c.imputations()) {
                b.append(' ').append(i.feature());
            }
        }
        return b.toString();
    }
}
