package org.ramsetu.platform.reporting;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reports and large exports ({@code ramsetu.reports.*}); docs/reports.md lists them.
 *
 * @param exportAsyncThreshold a coordinator export with more rows than this runs as a background
 *     job with a download link instead of streaming in the request
 * @param exportRetention how long a finished export's file is kept before it is deleted
 * @param linkBaseUrl where coordinators reach RamSetu, for the links in report mails
 */
@ConfigurationProperties("ramsetu.reports")
public record ReportingProperties(
        @DefaultValue("5000") long exportAsyncThreshold,
        @DefaultValue("7d") Duration exportRetention,
        @DefaultValue("http://localhost:8080") URI linkBaseUrl) {

    public ReportingProperties {
        if (exportAsyncThreshold < 0) {
            throw new IllegalArgumentException(
                    "ramsetu.reports.export-async-threshold must be zero or more");
        }
        if (exportRetention.isNegative() || exportRetention.isZero()) {
            throw new IllegalArgumentException("ramsetu.reports.export-retention must be positive");
        }
    }

    /** {@code path} under {@link #linkBaseUrl()}, whatever the base's trailing slash. */
    String link(String path) {
        String base = linkBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
