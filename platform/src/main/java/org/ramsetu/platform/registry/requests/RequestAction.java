package org.ramsetu.platform.registry.requests;

import org.ramsetu.platform.registry.common.TransitionRefused;

/** What can happen to a transplant request, and who does it. */
public enum RequestAction implements TransitionRefused.LifecycleAction {
    /** A coordinator of the patient's centre checked the clinical values and set the urgency. */
    VERIFY("verified"),
    /** The patient changed clinical values: the centre checks them again. */
    CHANGE_CLINICAL_VALUES("changed"),
    /** The matching workflow matched the request with a donor organ. */
    MARK_MATCHED("marked as matched"),
    /** The transplant took place. */
    MARK_TRANSPLANTED("marked as transplanted"),
    /** A coordinator takes the request off the list, with a reason. */
    REMOVE("removed");

    private final String pastParticiple;

    RequestAction(String pastParticiple) {
        this.pastParticiple = pastParticiple;
    }

    @Override
    public String pastParticiple() {
        return pastParticiple;
    }
}
