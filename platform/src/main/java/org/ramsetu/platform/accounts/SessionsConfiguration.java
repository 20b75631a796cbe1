package org.ramsetu.platform.accounts;

import java.time.Clock;
import java.time.Duration;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkSchedule;
import org.ramsetu.platform.security.SecurityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ended sessions, on every target with the registry database: those serving the API check each
 * request against them, those running the scheduler purge them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
public class SessionsConfiguration {

    static final String PURGE = "accounts.revoked-session-purge";

    @Bean
    RevokedSessions revokedSessions(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        // A day beyond the longest-lived access token, so clock skew between instances is harmless.
        return new RevokedSessions(
                jdbc, clock, properties.accessTokenLifetime().plus(Duration.ofDays(1)));
    }

    @Bean
    RecurringWork revokedSessionPurgeWork(RevokedSessions sessions) {
        return new RecurringWork(PURGE, WorkSchedule.every(Duration.ofHours(1)), sessions::purge);
    }
}
