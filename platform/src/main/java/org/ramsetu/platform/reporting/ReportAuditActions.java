package org.ramsetu.platform.reporting;

/** The audited actions of reports and large exports (coordinators' bulk reads). */
final class ReportAuditActions {

    /** A coordinator asked for a monthly report. */
    static final String REPORT_REQUESTED = "REPORT_REQUESTED";

    /** A coordinator downloaded a monthly report file (aggregates only, still audited). */
    static final String REPORT_DOWNLOADED = "REPORT_DOWNLOADED";

    /** A coordinator's export was queued as a background job. */
    static final String EXPORT_QUEUED = "MEDICAL_RECORDS_EXPORT_QUEUED";

    /** The same action the streamed export records: the records left RamSetu now. */
    static final String EXPORTED = "MEDICAL_RECORDS_EXPORTED";

    private ReportAuditActions() {}
}
