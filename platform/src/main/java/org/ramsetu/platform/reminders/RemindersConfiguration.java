package org.ramsetu.platform.reminders;

import java.time.Clock;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkSchedule;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.registry.attention.Reminders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinators' daily reminder digest, on every database target (the scheduler runs it once a
 * day per cluster). The console's endpoint comes with the platform API ({@link
 * RemindersWebConfiguration}). docs/reminders.md.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@EnableConfigurationProperties(RemindersProperties.class)
public class RemindersConfiguration {

    @Bean
    Reminders reminders(JdbcClient jdbc, RemindersProperties properties) {
        return new Reminders(
                jdbc,
                properties.labsDueWithin(),
                properties.pledgePendingAfter(),
                properties.listingPendingAfter());
    }

    @Bean
    ReminderDigests reminderDigests(
            Reminders reminders,
            QueuedMail mail,
            JdbcClient jdbc,
            RemindersProperties properties,
            Clock clock) {
        return new ReminderDigests(reminders, mail, new Contacts(jdbc), jdbc, properties, clock);
    }

    @Bean
    RecurringWork reminderDigestWork(ReminderDigests digests, RemindersProperties properties) {
        return new RecurringWork(
                ReminderDigests.NAME,
                WorkSchedule.dailyAt(properties.time(), properties.zoneId()),
                digests::run);
    }
}
