package org.ramsetu.platform.donation;

/** The audited actions of donation cases; the audit viewer filters on these names. */
public final class DonationAuditActions {

    public static final String DONATION_CASE_OPENED = "DONATION_CASE_OPENED";
    public static final String DONOR_RECORD_AMENDED = "DONOR_RECORD_AMENDED";
    public static final String ORGANS_RECOVERED = "ORGANS_RECOVERED";

    /** Audit target type, and the record kind of messages. */
    public static final String CASE = "donation case";

    private DonationAuditActions() {}
}
