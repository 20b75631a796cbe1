package org.ramsetu.platform.reminders;

import java.time.Clock;
import org.ramsetu.platform.registry.attention.Reminders;
import org.ramsetu.platform.security.RecordAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /api/v1/reminders} with the platform API ({@code all}, {@code api}). */
@Configuration(proxyBeanMethods = false)
public class RemindersWebConfiguration {

    @Bean
    ReadingReminders readingReminders(
            Reminders reminders, RecordAccess access, RemindersProperties properties, Clock clock) {
        return new ReadingReminders(
                reminders,
                access,
                clock,
                properties.labsDueWithin(),
                properties.pledgePendingAfter(),
                properties.listingPendingAfter());
    }

    @Bean
    RemindersController remindersController(ReadingReminders reading) {
        return new RemindersController(reading);
    }
}
