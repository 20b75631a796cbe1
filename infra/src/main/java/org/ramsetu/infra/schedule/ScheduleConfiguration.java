package org.ramsetu.infra.schedule;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.ramsetu.infra.queue.EffectLedger;
import org.ramsetu.infra.queue.WorkerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled work on database targets (ADR 0020): every target can schedule one-time work (its
 * connection joins the caller's transaction); workers and {@code all} ({@code
 * ramsetu.schedule.enabled}) also run it. Work is declared as {@link RecurringWork} and {@link
 * OneTimeWork} beans. The scheduler drill's beans are in ScheduleDrillConfiguration (its package
 * depends on this one, not the other way round).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
public class ScheduleConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleConfiguration.class);

    @Bean
    WorkRuns workRuns(JdbcClient jdbc) {
        return new WorkRuns(jdbc);
    }

    @Bean
    ScheduledRows scheduledRows(JdbcClient jdbc) {
        return new ScheduledRows(jdbc);
    }

    @Bean
    WorkExecutions workExecutions(
            ObjectProvider<RecurringWork> recurring,
            ObjectProvider<OneTimeWork<?>> oneTime,
            WorkRuns runs,
            EffectLedger ledger,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry meters,
            WorkerIdentity identity) {
        return new WorkExecutions(
                recurring.orderedStream().toList(),
                oneTime.orderedStream().toList(),
                runs,
                ledger,
                tx,
                clock,
                meters,
                identity.id());
    }

    /**
     * Schedules through a transaction-aware connection: inside a transaction the insert is part of
     * it (rolled back with it), outside it commits on its own.
     */
    @Bean
    WorkScheduler workScheduler(
            DataSource dataSource, ObjectProvider<WorkExecutions> executions, WorkRuns runs) {
        return new ClusterWorkScheduler(
                executions::getObject, declared -> client(dataSource, declared), runs);
    }

    /**
     * Schedules through a transaction-aware connection: inside a transaction the insert is part of
     * it (rolled back with it), outside it commits on its own.
     */
    static SchedulerClient client(DataSource dataSource, WorkExecutions executions) {
        return SchedulerClient.Builder.create(
                        new TransactionAwareDataSourceProxy(dataSource), executions.allTasks())
                .serializer(new JsonTaskData())
                .build();
    }

    @Bean
    @ConditionalOnProperty("ramsetu.schedule.enabled")
    ClusterScheduler clusterScheduler(
            DataSource dataSource,
            WorkExecutions executions,
            ScheduleProperties properties,
            WorkerIdentity identity,
            WorkRuns runs) {
        return new ClusterScheduler(dataSource, executions, properties, identity.id(), runs);
    }

    @Bean
    SchedulesEndpoint schedulesEndpoint(
            WorkExecutions executions,
            ScheduledRows rows,
            WorkRuns runs,
            WorkScheduler scheduler,
            Clock clock) {
        return new SchedulesEndpoint(executions, rows, runs, scheduler, clock);
    }

    @Bean
    ScheduleMetrics scheduleMetrics(
            WorkExecutions executions,
            ScheduledRows rows,
            WorkRuns runs,
            ScheduleProperties properties,
            Clock clock) {
        TreeSet<String> names = new TreeSet<>(executions.recurring().keySet());
        names.addAll(executions.oneTime().keySet());
        return new ScheduleMetrics(rows, runs, names, clock, properties.metricsRefresh());
    }

    /** Forgets finished runs after the retention, once a day. */
    @Bean
    RecurringWork scheduleHistoryPruning(
            WorkRuns runs, ScheduleProperties properties, Clock clock) {
        return new RecurringWork(
                "schedule.prune-history",
                WorkSchedule.dailyAt(LocalTime.of(4, 10), ZoneOffset.UTC),
                context -> {
                    int removed = runs.prune(clock.instant().minus(properties.historyRetention()));
                    LOG.info("Pruned {} scheduled-work records", removed);
                });
    }
}
