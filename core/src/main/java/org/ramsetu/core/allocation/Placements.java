package org.ramsetu.core.allocation;

import java.util.List;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.hla.HlaMismatch;
import org.ramsetu.core.ranking.Candidate;
import org.ramsetu.core.scores.Meld;
import org.ramsetu.core.scores.MeldScore;

/** A candidate's place in each of the organ's ordered groups (lower order is offered first). */
final class Placements {

    private final OrganRules rules;
    private final List<GroupKey> groups;
    private final Integer kdpi;

    Placements(OrganRules rules, Integer donorKdpi) {
        this.rules = rules;
        this.groups = rules.groups();
        this.kdpi = donorKdpi;
    }

    Placement[] of(Candidate c, Integer epts, MeldScore meld) {
        Placement[] out = new Placement[groups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = place(groups.get(i), c, epts, meld);
        }
        return out;
    }

    private Placement place(GroupKey key, Candidate c, Integer epts, MeldScore meld) {
        switch (key) {
            case STATUS_TIER:
                int status = c.patient().heartStatus().code();
                return new Placement(key, status, "status " + status);
            case MELD:
                String name = Meld.MELD_3.equals(meld.formulaVersion()) ? "MELD 3.0 " : "MELD-Na ";
                return new Placement(key, -meld.score(), name + meld.score());
            case DISTANCE_BAND:
                int band = rules.band(c.eligibility().distanceKm());
                return new Placement(key, band, rules.bandLabel(band));
            case ABO_IDENTICAL:
                AboMatch abo = c.eligibility().abo();
                return new Placement(
                        key,
                        abo == AboMatch.COMPATIBLE ? 1 : 0,
                        "ABO " + abo.name().toLowerCase(java.util.Locale.ROOT));
            case ZERO_MISMATCH:
                HlaMismatch m = c.eligibility().hlaMismatch();
                boolean zero = m != null && m.isZero();
                String label = zero ? "0-mismatch" : m == null ? "HLA unknown" : m + " mismatched";
                return new Placement(key, zero ? 0 : 1, label);
            case LONGEVITY:
                return longevity(key, epts);
            case URGENCY_LEVEL:
                int level = c.patient().urgencyLevel();
                return new Placement(key, -level, "urgency " + level);
            default:
                throw new IllegalStateException("unknown group " + key);
        }
    }

    private Placement longevity(GroupKey key, Integer epts) {
        Longevity limits = rules.longevity();
        String eptsText = epts == null ? "EPTS unknown" : "EPTS " + epts + " %";
        if (kdpi == null) {
            return new Placement(key, 0, "longevity n/a (KDPI unknown)");
        }
        if (kdpi > limits.kdpiMax()) {
            return new Placement(key, 0, "longevity n/a (KDPI " + kdpi + " %)");
        }
        return limits.matches(kdpi, epts)
                ? new Placement(key, 0, "longevity (KDPI " + kdpi + " %, " + eptsText + ")")
                : new Placement(key, 1, "not longevity (" + eptsText + ")");
    }
}
