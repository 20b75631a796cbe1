package org.ramsetu.app.cluster;

import org.ramsetu.app.launch.LaunchDescription;
import org.ramsetu.infra.cluster.ClusterConfiguration;
import org.ramsetu.infra.cluster.ServiceInstances;
import org.ramsetu.infra.database.DatabaseConfiguration;
import org.ramsetu.infra.flags.FeatureFlagConfiguration;
import org.ramsetu.infra.mail.MailJobConfiguration;
import org.ramsetu.infra.queue.config.QueueConfiguration;
import org.ramsetu.infra.schedule.ScheduleConfiguration;
import org.ramsetu.infra.schedule.drill.ScheduleDrillConfiguration;
import org.ramsetu.infra.scoring.cache.PredictionCacheConfiguration;
import org.ramsetu.platform.audit.AuditChainConfiguration;
import org.ramsetu.platform.audit.AuditConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Switched on for the targets that own a database connection (all, api, worker): queue, mail jobs,
 * scheduled work, audit log and its hash chain, instance heartbeat.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@Import({
    DatabaseConfiguration.class,
    ClusterConfiguration.class,
    QueueConfiguration.class,
    MailJobConfiguration.class,
    ScheduleConfiguration.class,
    ScheduleDrillConfiguration.class,
    AuditConfiguration.class,
    AuditChainConfiguration.class,
    FeatureFlagConfiguration.class,
    PredictionCacheConfiguration.class
})
public class DatabaseTargetConfiguration {

    @Bean
    InstanceHeartbeat instanceHeartbeat(ServiceInstances instances, LaunchDescription launch) {
        return new InstanceHeartbeat(instances, launch, ClusterConfiguration.HEARTBEAT_INTERVAL);
    }
}
