package org.ramsetu.core.allocation;

import java.util.Locale;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.features.Imputation;

/** Renders the line a coordinator reads next to each candidate of an allocation run. */
final class AllocationExplanations {

    private AllocationExplanations() {}

    static String line(AllocatedCandidate c) {
        Points p = c.points();
        StringBuilder b = new StringBuilder(200);
        b.append('#').append(c.rank()).append(' ').append(c.id()).append(": ");
        String sep = "";
        boolean aboShown = false;
        for (Placement g : c.groups()) {
            b.append(sep).append(g.label());
            sep = ", ";
            aboShown |= g.key() == GroupKey.ABO_IDENTICAL;
        }
        if (c.groups().isEmpty()) {
            b.append(c.urgency());
        }
        b.append(String.format(Locale.ROOT, "; %.1f pts =", p.total()));
        b.append(
                String.format(
                        Locale.ROOT,
                        " waited %d d %.1f + %.0f km %.1f",
                        p.waitingDays(),
                        p.waiting(),
                        p.distanceKm(),
                        p.distance()));
        if (!Double.isNaN(p.hlaPoints())) {
            b.append(String.format(Locale.ROOT, " + HLA %.0f/400 %.1f", p.hlaPoints(), p.hla()));
        }
        if (p.sensitisation() > 0) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            " + %d unacceptable Ag %.1f",
                            p.unacceptableAntigens(),
                            p.sensitisation()));
        }
        if (!Double.isNaN(p.mlScore())) {
            b.append(String.format(Locale.ROOT, " + ML %.2f %.1f", p.mlScore(), p.ml()));
        }
        if (!aboShown && c.abo() != AboMatch.NOT_APPLICABLE) {
            b.append("; ABO ").append(c.abo().name().toLowerCase(Locale.ROOT));
        }
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
