package org.ramsetu.core.blood;

/** Outcome of the ABO rule for one donor/recipient pair and organ. */
public enum AboMatch {
    /** Same ABO group: ranked first where policy prefers identical (kidney, liver). */
    IDENTICAL(true, 0),
    /** Different but allowed group. */
    COMPATIBLE(true, 1),
    /** ABO is not a criterion for this organ (cornea). */
    NOT_APPLICABLE(true, 0),
    INCOMPATIBLE(false, 2);

    private final boolean eligible;
    private final int priority;

    AboMatch(boolean eligible, int priority) {
        this.eligible = eligible;
        this.priority = priority;
    }

    public boolean eligible() {
        return eligible;
    }

    /** Lower sorts first inside an urgency tier. */
    public int priority() {
        return priority;
    }
}
