package org.ramsetu.platform.reprocessing;

import java.time.Clock;
import java.time.Duration;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkSchedule;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.platform.allocation.runs.ModelChangeAllocationRun;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.matching.runs.ModelChangeMatchRun;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-processing when a model changes (docs/reprocessing.md), on every database target: the model
 * watch and the batch are scheduled work (the scheduler runs them on {@code worker} and {@code
 * all}); the endpoints come with the platform API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@Import(ReprocessingConfiguration.Web.class)
public class ReprocessingConfiguration {

    @Bean
    Batches reprocessingBatches(JdbcClient jdbc, Clock clock) {
        return new Batches(jdbc, clock);
    }

    @Bean
    ModelChangeBatch modelChangeBatch(
            Batches batches,
            ModelChangeMatchRun matchRuns,
            ModelChangeAllocationRun allocationRuns,
            ScoringClient scoring,
            Environment environment) {
        return new ModelChangeBatch(
                batches,
                matchRuns,
                allocationRuns,
                scoring,
                environment.getProperty("ramsetu.reprocessing.chunk-size", Integer.class, 50));
    }

    @Bean
    OneTimeWork<ModelChangeBatch.Order> modelChangeWork(ModelChangeBatch batch) {
        return new OneTimeWork<>(ModelChangeBatch.WORK, ModelChangeBatch.Order.class, batch);
    }

    @Bean
    RecurringWork modelWatchWork(
            ScoringClient scoring,
            Batches batches,
            ObjectProvider<WorkScheduler> scheduler,
            OneTimeWork<ModelChangeBatch.Order> modelChangeWork,
            ObjectProvider<AuditLog> audit,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            Environment environment) {
        ModelWatch watch =
                new ModelWatch(
                        scoring,
                        batches,
                        scheduler.getIfAvailable(),
                        modelChangeWork,
                        AuditLog.shared(audit, jdbc, clock),
                        tx,
                        clock);
        return new RecurringWork(
                ModelWatch.WORK,
                WorkSchedule.every(
                        environment.getProperty(
                                "ramsetu.reprocessing.watch-interval",
                                Duration.class,
                                Duration.ofMinutes(1))),
                watch);
    }

    @Bean
    StartingBatch startingBatch(
            Batches batches,
            ObjectProvider<WorkScheduler> scheduler,
            OneTimeWork<ModelChangeBatch.Order> modelChangeWork,
            ObjectProvider<AuditLog> audit,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock) {
        return new StartingBatch(
                batches,
                scheduler.getIfAvailable(),
                modelChangeWork,
                AuditLog.shared(audit, jdbc, clock),
                tx,
                clock);
    }

    /** The endpoints, where the platform API runs ({@code all}, {@code api}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("ramsetu.platform.api-enabled")
    static class Web {

        @Bean
        ReprocessingController reprocessingController(
                Batches batches, StartingBatch starting, ObjectProvider<WorkScheduler> scheduler) {
            return new ReprocessingController(batches, starting, scheduler.getIfAvailable());
        }
    }
}
