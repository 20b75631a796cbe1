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
        if (c.abo() != AboMatch.NOT_APPLICABLE) {
            b.append(", ABO ").append(c.abo().name().toLowerCase(Locale.ROOT));
        }
        b.append(String.format(Locale.ROOT, "; score %.3f =", s.combined()));
        String sep = " ";
        if (!Double.isNaN(s.ml())) {
            b.append(String.format(Locale.ROOT, "%sML %.2f×%.2f", sep, s.ml(), s.wMl()));
            sep = " + ";
        }
        if (!Double.isNaN(s.hlaPoints())) {
            b.append(
                    String.format(
                            Locale.ROOT, "%sHLA %.0f/400×%.2f", sep, s.hlaPoints(), s.wHla()));
            sep = " + ";
        }
        b.append(
                String.format(
                        Locale.ROOT,
                        "%swaited %d d×%.2f + %.0f km×%.2f",
                        sep,
                        s.waitingDays(),
                        s.wWaiting(),
                        s.distanceKm(),
                        s.wDistance()));
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
