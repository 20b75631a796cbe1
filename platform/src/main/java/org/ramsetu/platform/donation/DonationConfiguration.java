package org.ramsetu.platform.donation;

import java.time.Clock;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.registry.pledges.ChangingPledgeStatus;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.security.RecordAccess;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Donation cases: the donor record at donation, its KDRI/KDPI, the recovery. */
@Configuration(proxyBeanMethods = false)
public class DonationConfiguration {

    @Bean
    DonationCaseService donationCaseService(
            JdbcClient jdbc,
            Pledges pledges,
            ChangingPledgeStatus changingPledges,
            RecordAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        return new DonationCaseService(
                new DonationCases(jdbc),
                pledges,
                changingPledges,
                PercentileTable.kdpiBundled(),
                access,
                audit,
                tx,
                clock);
    }

    @Bean
    DonationCaseController donationCaseController(
            DonationCaseService cases, IdempotentRequests idempotent) {
        return new DonationCaseController(cases, idempotent);
    }
}
