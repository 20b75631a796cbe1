package org.ramsetu.platform.matching.matches;

import java.util.Arrays;
import java.util.List;

/**
 * Why a proposed match was declined: the coded refusal reasons of transplant practice (UNOS refusal
 * codes, NHSBT decline analysis) that a coordinator picks, and the two the workflow sets itself
 * when another proposal is approved.
 */
public enum DeclineReason {
    DONOR_QUALITY(true, "donor organ quality or donor history"),
    SIZE(true, "donor size or weight not suitable"),
    POSITIVE_CROSSMATCH(true, "positive crossmatch"),
    PATIENT_UNWELL(true, "patient unwell or unavailable"),
    LOGISTICS(true, "transport, theatre or team not available in time"),
    OTHER(true, "other (see note)"),
    ANOTHER_PATIENT_CHOSEN(false, "the organ was allocated to another patient"),
    ANOTHER_DONOR_CHOSEN(false, "another donor was approved for this request");

    private final boolean byCoordinator;
    private final String meaning;

    DeclineReason(boolean byCoordinator, String meaning) {
        this.byCoordinator = byCoordinator;
        this.meaning = meaning;
    }

    /** Whether a coordinator may give this reason (the others are the workflow's own). */
    public boolean byCoordinator() {
        return byCoordinator;
    }

    public String meaning() {
        return meaning;
    }

    public static List<String> coordinatorCodes() {
        return Arrays.stream(values()).filter(r -> r.byCoordinator).map(Enum::name).toList();
    }
}
