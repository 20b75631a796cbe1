package org.ramsetu.infra.schedule.drill;

import java.time.Clock;
import org.ramsetu.infra.queue.WorkerIdentity;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduler drill (ops/drills/run scheduler) on database targets, beside ScheduleConfiguration.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleDrillConfiguration {

    /** The drill's work is declared on every target, so an instance scheduled anywhere runs. */
    @Bean
    OneTimeWork<ScheduleDrill.Instance> scheduleDrillWork(
            JdbcClient jdbc, Clock clock, WorkerIdentity identity) {
        return ScheduleDrill.work(jdbc, clock, identity.id());
    }

    @Bean
    ScheduleDrill scheduleDrill(
            WorkScheduler scheduler,
            OneTimeWork<ScheduleDrill.Instance> scheduleDrillWork,
            TransactionTemplate tx,
            JdbcClient jdbc,
            Clock clock,
            WorkerIdentity identity) {
        return new ScheduleDrill(scheduler, scheduleDrillWork, tx, jdbc, clock, identity.id());
    }

    @Bean
    ScheduleDrillEndpoint scheduleDrillEndpoint(ScheduleDrill drill) {
        return new ScheduleDrillEndpoint(drill);
    }
}
