package org.ramsetu.platform.reporting;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.UUID;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkSchedule;

/**
 * The scheduled work of reports: last month's registry report on the 1st at 03:00 India time (the
 * quietest hour, and after the month's last late entries of the evening), a coordinator's request
 * for any month, and the daily removal of expired export files. The same instances are declared as
 * beans (the scheduler runs them) and used to schedule (the work's identity).
 */
final class ReportWorks {

    static final String MONTHLY = "report.monthly-registry";
    static final String GENERATE = "report.monthly-registry.generate";
    static final String EXPORT_CLEANUP = "report.export-cleanup";

    private final RecurringWork monthly;
    private final OneTimeWork<MonthlyReportJobData> generate;
    private final RecurringWork exportCleanup;

    ReportWorks(MonthlyReports reports, ExportJobs exports) {
        this.monthly =
                new RecurringWork(
                        MONTHLY,
                        WorkSchedule.monthlyOn(1, LocalTime.of(3, 0), ReportMonths.REGISTRY_ZONE),
                        // The month before the one the run was due in, even if it runs late.
                        context ->
                                reports.generate(
                                        ReportMonths.previous(context.scheduledFor()),
                                        null,
                                        context));
        this.generate =
                new OneTimeWork<>(
                        GENERATE,
                        MonthlyReportJobData.class,
                        (data, context) ->
                                reports.generate(
                                        YearMonth.parse(data.month()),
                                        data.requestedBy() == null
                                                ? null
                                                : UUID.fromString(data.requestedBy()),
                                        context));
        this.exportCleanup =
                new RecurringWork(
                        EXPORT_CLEANUP,
                        WorkSchedule.dailyAt(LocalTime.of(4, 0), ReportMonths.REGISTRY_ZONE),
                        exports::deleteExpired);
    }

    RecurringWork monthly() {
        return monthly;
    }

    OneTimeWork<MonthlyReportJobData> generate() {
        return generate;
    }

    RecurringWork exportCleanup() {
        return exportCleanup;
    }
}
