package org.ramsetu.platform.registry;

/**
 * The audited actions of the registry, beside the security events of {@link
 * org.ramsetu.platform.audit.AuditActions}; the audit viewer filters on these names.
 */
public final class RegistryAuditActions {

    public static final String DONOR_PROFILE_SAVED = "DONOR_PROFILE_SAVED";
    public static final String PATIENT_PROFILE_SAVED = "PATIENT_PROFILE_SAVED";
    public static final String PLEDGE_CREATED = "PLEDGE_CREATED";
    public static final String PLEDGE_VERIFIED = "PLEDGE_VERIFIED";
    public static final String PLEDGE_VERIFICATION_UNDONE = "PLEDGE_VERIFICATION_UNDONE";
    public static final String PLEDGE_REJECTED = "PLEDGE_REJECTED";
    public static final String PLEDGE_WITHDRAWN = "PLEDGE_WITHDRAWN";
    public static final String PLEDGE_DONATED = "PLEDGE_DONATED";
    public static final String TRANSPLANT_REQUEST_LISTED = "TRANSPLANT_REQUEST_LISTED";

    /** A coordinator of the centre checked the clinical values and set the urgency. */
    public static final String TRANSPLANT_REQUEST_VERIFIED = "TRANSPLANT_REQUEST_VERIFIED";

    /** The patient changed clinical values; the centre checks them again. */
    public static final String TRANSPLANT_REQUEST_CLINICAL_VALUES_CHANGED =
            "TRANSPLANT_REQUEST_CLINICAL_VALUES_CHANGED";

    public static final String TRANSPLANT_REQUEST_MATCHED = "TRANSPLANT_REQUEST_MATCHED";
    public static final String TRANSPLANT_REQUEST_TRANSPLANTED = "TRANSPLANT_REQUEST_TRANSPLANTED";
    public static final String TRANSPLANT_REQUEST_REMOVED = "TRANSPLANT_REQUEST_REMOVED";

    private RegistryAuditActions() {}
}
