package org.ramsetu.platform.reporting;

/**
 * The data of a {@code report.monthly-registry.generate} job.
 *
 * @param month e.g. {@code 2026-05}
 * @param requestedBy the coordinator's account id
 */
public record MonthlyReportJobData(String month, String requestedBy) {}
