package org.ramsetu.platform.accounts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkSchedule;
import org.ramsetu.platform.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ended sessions, on every target with the registry database: each checks the requests it serves
 * against them (in memory, {@link RevocationCache}), those running the scheduler purge them.
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
    RevocationCache revocationCache(
            RevokedSessions sessions, DataSource dataSource, ObjectProvider<MeterRegistry> meters) {
        return new RevocationCache(
                sessions, dataSource, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    RecurringWork revokedSessionPurgeWork(RevokedSessions sessions) {
        return new RecurringWork(PURGE, WorkSchedule.every(Duration.ofHours(1)), sessions::purge);
    }
}
