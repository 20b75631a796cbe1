package org.ramsetu.core.eligibility;

/** Why a donor/patient pair is excluded. Stable codes: stored with match runs and shown in UIs. */
public enum ReasonCode {
    ORGAN_MISMATCH("the offer is for a different organ"),
    ABO_INCOMPATIBLE("blood group not allowed for this organ"),
    UNACCEPTABLE_ANTIGEN("donor carries an antigen the patient has antibodies against"),
    ISCHEMIA_EXCEEDED("transport and surgery would exceed the organ's hard ischaemia limit"),
    SIZE_MISMATCH("donor heart size outside the accepted range"),
    PLEDGE_NOT_VERIFIED("pledge not verified by a coordinator"),
    PLEDGE_ALREADY_USED("pledged organ already donated"),
    CONSENT_WITHDRAWN("donor withdrew consent"),
    CANDIDATE_INACTIVE("patient is inactive on the waiting list"),
    DONOR_AGE_OUT_OF_RANGE("donor age outside the accepted range for this tissue"),
    ENDOTHELIAL_DENSITY_LOW("corneal endothelial cell density too low for an optical graft"),
    ENUCLEATION_DELAY_EXCEEDED("death-to-enucleation time exceeds 6 h"),
    MISSING_INPUT("a required clinical input is missing");

    private final String meaning;

    ReasonCode(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
