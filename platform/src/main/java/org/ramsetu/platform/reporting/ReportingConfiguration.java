package org.ramsetu.platform.reporting;

import java.time.Clock;
import org.ramsetu.infra.blob.BlobStore;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.coordination.RegistryExport;
import org.ramsetu.platform.matching.MatchingFigures;
import org.ramsetu.platform.registry.RegistryFigures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports and large exports on every database target: the work (run by the scheduler on worker and
 * all), the queueing of large exports, and, where the API is served, the endpoints.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@EnableConfigurationProperties(ReportingProperties.class)
@Import(ReportingConfiguration.Web.class)
public class ReportingConfiguration {

    @Bean
    MonthlyReports monthlyReports(
            JdbcClient jdbc,
            ReplicaReads reads,
            BlobStore blobs,
            ApplicationEventPublisher events,
            Clock clock) {
        return new MonthlyReports(
                jdbc,
                blobs,
                new RegistryCounts(new RegistryFigures(reads), new MatchingFigures(reads), clock),
                events);
    }

    /** Mails the coordinators when a month's report is recorded. */
    @Bean
    ReportMails reportMails(QueuedMail mail, JdbcClient jdbc, ReportingProperties properties) {
        return new ReportMails(mail, new Contacts(jdbc), properties);
    }

    /** Also the coordination exports' {@code LargeExports}: above the threshold they queue. */
    @Bean
    ExportJobs exportJobs(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ReplicaReads reads,
            ObjectProvider<AuditLog> audit,
            BlobStore blobs,
            ObjectProvider<WorkScheduler> scheduler,
            ReportingProperties properties,
            Clock clock) {
        // The API's audit log where it runs; the worker (no API) writes the same table.
        AuditLog log = audit.getIfAvailable(() -> new AuditLog(jdbc, clock));
        return new ExportJobs(
                jdbc,
                transactions,
                new RegistryExport(reads, log),
                blobs,
                scheduler,
                properties,
                log,
                clock);
    }

    @Bean
    ReportWorks reportWorks(MonthlyReports reports, ExportJobs exports) {
        return new ReportWorks(reports, exports);
    }

    @Bean
    RecurringWork monthlyRegistryReportWork(ReportWorks works) {
        return works.monthly();
    }

    @Bean
    OneTimeWork<MonthlyReportJobData> monthlyRegistryReportOnRequestWork(ReportWorks works) {
        return works.generate();
    }

    @Bean
    OneTimeWork<ExportJobData> reportExportWork(ExportJobs exports) {
        return exports.work();
    }

    @Bean
    RecurringWork reportExportCleanupWork(ReportWorks works) {
        return works.exportCleanup();
    }

    /** The endpoints, where the platform API is served. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("ramsetu.platform.api-enabled")
    static class Web {

        @Bean
        ReportsController reportsController(
                MonthlyReports reports,
                ReportWorks works,
                ExportJobs exports,
                ObjectProvider<WorkScheduler> scheduler,
                AuditLog audit,
                Clock clock) {
            return new ReportsController(reports, works, exports, scheduler, audit, clock);
        }
    }
}
