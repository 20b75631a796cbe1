package org.ramsetu.platform.coordination;

import java.time.Clock;
import javax.sql.DataSource;
import org.ramsetu.platform.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Coordinators' directories, exports and statistics. */
@Configuration(proxyBeanMethods = false)
public class CoordinationConfiguration {

    @Bean
    CoordinationController coordinationController(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            AuditLog audit,
            Clock clock) {
        return new CoordinationController(
                new CoordinatorDirectory(jdbc),
                new RegistryExport(dataSource, transactions, audit),
                new RegistryStatistics(jdbc, clock),
                audit);
    }
}
