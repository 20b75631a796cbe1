package org.ramsetu.infra.database;

import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.ramsetu.infra.cluster.InstancesEndpoint;
import org.ramsetu.infra.cluster.ServiceInstances;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Beans of every target that owns a database connection (all, api, worker). */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /** An instance silent for longer than three heartbeats is taken for dead. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    @Bean
    MigrationsHealthIndicator migrationsHealthIndicator(Flyway flyway) {
        return new MigrationsHealthIndicator(flyway);
    }

    @Bean
    ServiceInstances serviceInstances(JdbcClient jdbc, Clock clock) {
        return new ServiceInstances(jdbc, clock);
    }

    @Bean
    InstancesEndpoint instancesEndpoint(ServiceInstances instances) {
        return new InstancesEndpoint(instances, HEARTBEAT_INTERVAL.multipliedBy(3));
    }
}
