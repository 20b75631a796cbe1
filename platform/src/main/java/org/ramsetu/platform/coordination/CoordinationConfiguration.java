package org.ramsetu.platform.coordination;

import java.time.Clock;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.documents.DocumentFigures;
import org.ramsetu.platform.matching.MatchingFigures;
import org.ramsetu.platform.registry.RegistryFigures;
import org.ramsetu.platform.registry.directory.CoordinatorDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Coordinators' directories, exports and statistics. */
@Configuration(proxyBeanMethods = false)
public class CoordinationConfiguration {

    /**
     * Directories, exports and dashboard figures tolerate seconds of staleness and nothing is
     * written on their strength, so they read through {@link ReplicaReads} (the replica while it
     * keeps up). The pledge and transplant-request lists are not among them: they are the
     * coordinators' work queues, reloaded right after a verification or rejection, and must show it
     * (read-your-writes); they read the primary.
     */
    @Bean
    CoordinationController coordinationController(
            ReplicaReads reads,
            AuditLog audit,
            Clock clock,
            ObjectProvider<JobQueue> queue,
            ObjectProvider<JobHandler> handlers,
            ObjectProvider<LargeExports> largeExports) {
        return new CoordinationController(
                new CoordinatorDirectory(reads),
                new RegistryExport(reads, audit),
                new RegistryStatistics(
                        new RegistryFigures(reads),
                        new DocumentFigures(reads),
                        new OperationsStatistics(
                                new MatchingFigures(reads),
                                queue.getIfAvailable(),
                                jobTypes(handlers),
                                clock),
                        clock),
                audit,
                largeExports.getIfAvailable());
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
