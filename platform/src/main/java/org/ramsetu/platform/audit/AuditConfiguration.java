package org.ramsetu.platform.audit;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log, on every target with a database: the API's features write to it, and the security
 * layer of every target records refusals and coordinator requests (e.g. a re-drive on a worker).
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditLog auditLog(JdbcClient jdbc, Clock clock) {
        return new AuditLog(jdbc, clock);
    }
}
