package org.ramsetu.platform.reporting;

/**
 * The data of a {@code report.export} job: which export to write (its kind and filters are in its
 * {@code report_export} row, so the job's JSON holds no search terms).
 */
public record ExportJobData(String exportId) {}
