package org.ramsetu.infra.cluster;

import java.time.Clock;
import java.time.Duration;
import org.ramsetu.infra.database.LocalCommits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The instance registry of database targets: heartbeats and {@code /actuator/instances}. */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    /** An instance silent for longer than three heartbeats is taken for dead. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    @Bean
    ServiceInstances serviceInstances(
            JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new ServiceInstances(jdbc, new LocalCommits(jdbc, transactions), clock);
    }

    @Bean
    InstancesEndpoint instancesEndpoint(ServiceInstances instances) {
        return new InstancesEndpoint(instances, HEARTBEAT_INTERVAL.multipliedBy(3));
    }
}
