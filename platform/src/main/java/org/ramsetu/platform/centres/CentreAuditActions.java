package org.ramsetu.platform.centres;

/** The audited actions on the registry of centres; the audit viewer filters on these names. */
public final class CentreAuditActions {

    public static final String CENTRE_REGISTERED = "CENTRE_REGISTERED";
    public static final String CENTRE_AMENDED = "CENTRE_AMENDED";
    public static final String COORDINATOR_ASSIGNED = "COORDINATOR_ASSIGNED";
    public static final String COORDINATOR_UNASSIGNED = "COORDINATOR_UNASSIGNED";

    /** Audit target type, and the record kind of messages. */
    public static final String CENTRE = "transplant centre";

    private CentreAuditActions() {}
}
