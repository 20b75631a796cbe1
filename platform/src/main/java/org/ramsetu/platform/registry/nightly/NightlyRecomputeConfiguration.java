package org.ramsetu.platform.registry.nightly;

import java.time.Clock;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkSchedule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly recomputation on every database target; the scheduler runs it once per cluster on a
 * scheduling target (docs/reminders.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@EnableConfigurationProperties(NightlyRecomputeProperties.class)
public class NightlyRecomputeConfiguration {

    @Bean
    NightlyRecompute nightlyRecompute(
            JdbcClient jdbc, NightlyRecomputeProperties properties, Clock clock) {
        // The same bundled table listing uses, so a recomputed percentile is comparable.
        return new NightlyRecompute(
                jdbc,
                PercentileTable.eptsBundled(),
                properties.schedule(),
                properties.zoneId(),
                properties.chunkSize(),
                clock);
    }

    @Bean
    RecurringWork nightlyRecomputeWork(
            NightlyRecompute recompute, NightlyRecomputeProperties properties) {
        return new RecurringWork(
                NightlyRecompute.NAME,
                WorkSchedule.dailyAt(properties.time(), properties.zoneId()),
                recompute::run);
    }
}
