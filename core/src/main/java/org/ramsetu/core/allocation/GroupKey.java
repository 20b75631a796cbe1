package org.ramsetu.core.allocation;

import java.util.EnumSet;
import java.util.Set;
import org.ramsetu.core.organ.Organ;

/**
 * One ordered group of an allocation policy: candidates are sorted by each group of the organ's
 * list in turn (a candidate in an earlier group is offered the organ before any candidate in a
 * later group, whatever their points), and only then by points.
 */
public enum GroupKey {
    /** Heart status 1 (most urgent) before 2 … before 6 (OPTN Policy 6, docs/domain.md "Heart"). */
    STATUS_TIER(EnumSet.of(Organ.HEART), "heart status tier, most urgent first"),
    /** Liver: higher MELD (MELD-Na or MELD 3.0, per policy) first (OPTN Policy 9). */
    MELD(EnumSet.of(Organ.LIVER), "higher MELD first"),
    /** Nearer distance band first (the policy's band limits, km between hospitals). */
    DISTANCE_BAND(EnumSet.allOf(Organ.class), "nearer distance band first"),
    /**
     * ABO-identical recipients before compatible ones (docs/domain.md ABO table: kidney, liver).
     */
    ABO_IDENTICAL(
            EnumSet.of(Organ.KIDNEY, Organ.LIVER, Organ.HEART), "ABO identical before compatible"),
    /** Kidney: zero HLA-A/B/DR mismatches first (OPTN Policy 8 zero-mismatch priority). */
    ZERO_MISMATCH(EnumSet.of(Organ.KIDNEY), "zero HLA-A/B/DR mismatches first"),
    /**
     * Kidney longevity matching: a donor with KDPI ≤ the policy's limit goes first to candidates
     * with EPTS ≤ the policy's limit (docs/domain.md: KDPI ≤ 20 % to top-20 % EPTS).
     */
    LONGEVITY(EnumSet.of(Organ.KIDNEY), "low-KDPI kidney to low-EPTS candidates first"),
    /** The request's urgency level 5 (most urgent) before 4 … before 1. */
    URGENCY_LEVEL(EnumSet.allOf(Organ.class), "higher urgency level first");

    private final Set<Organ> organs;
    private final String meaning;

    GroupKey(Set<Organ> organs, String meaning) {
        this.organs = organs;
        this.meaning = meaning;
    }

    public boolean appliesTo(Organ organ) {
        return organs.contains(organ);
    }

    public String meaning() {
        return meaning;
    }
}
