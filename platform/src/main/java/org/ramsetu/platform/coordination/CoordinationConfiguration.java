package org.ramsetu.platform.coordination;

import java.time.Clock;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.platform.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Coordinators' directories, exports and statistics. */
@Configuration(proxyBeanMethods = false)
public class CoordinationConfiguration {

    @Bean
    CoordinationController coordinationController(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            AuditLog audit,
            Clock clock,
            ObjectProvider<JobQueue> queue,
            ObjectProvider<JobHandler> handlers) {
        return new CoordinationController(
                new CoordinatorDirectory(jdbc),
                new RegistryExport(dataSource, transactions, audit),
                new RegistryStatistics(
                        jdbc,
                        clock,
                        new OperationsStatistics(
                                jdbc, queue.getIfAvailable(), jobTypes(handlers), clock)),
                audit);
    }

    /**
     * The job types whose depth the dashboard shows: those handled on this target, and on a target
     * without consumers (api) the platform's own, which its workers handle.
     */
    private static List<JobType> jobTypes(ObjectProvider<JobHandler> handlers) {
        TreeMap<String, JobType> types = new TreeMap<>();
        Stream.concat(
                        handlers.orderedStream().map(JobHandler::type),
                        Stream.of(JobType.of("mail.send"), JobType.of("matching.rescore")))
                .forEach(t -> types.putIfAbsent(t.name(), t));
        return List.copyOf(types.values());
    }
}
