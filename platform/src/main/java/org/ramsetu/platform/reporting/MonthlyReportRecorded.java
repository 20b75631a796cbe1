package org.ramsetu.platform.reporting;

import java.util.UUID;

/**
 * A month's registry report was recorded, in the transaction that recorded it; published once per
 * month however many generations raced for it.
 *
 * @param requestedBy the coordinator who asked, or {@code null} for the monthly schedule
 */
record MonthlyReportRecorded(MonthlyFigures figures, UUID requestedBy) {}
