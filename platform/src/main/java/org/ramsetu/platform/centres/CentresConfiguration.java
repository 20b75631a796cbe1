package org.ramsetu.platform.centres;

import java.time.Clock;
import org.ramsetu.platform.accounts.CoordinatorDirectory;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry of transplant centres and who works for which. */
@Configuration(proxyBeanMethods = false)
public class CentresConfiguration {

    @Bean
    CentreService centreService(
            JdbcClient jdbc,
            CoordinatorDirectory directory,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        return new CentreService(new TransplantCentres(jdbc), directory, audit, tx, clock);
    }

    @Bean
    CentreDirectoryController centreDirectoryController(CentreService centres) {
        return new CentreDirectoryController(centres);
    }

    @Bean
    ListingCentres listingCentres(JdbcClient jdbc) {
        return ListingCentres.reading(jdbc);
    }

    @Bean
    CentreController centreController(CentreService centres, IdempotentRequests idempotent) {
        return new CentreController(centres, idempotent);
    }
}
