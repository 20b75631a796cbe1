package org.ramsetu.platform.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's hash chain on every target with the registry database; the cluster's scheduler
 * (worker or all) seals new events every minute and verifies the whole chain once a day.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
public class AuditChainConfiguration {

    static final String SEAL = "audit.chain-seal";
    static final String VERIFY = "audit.chain-verify";

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainConfiguration.class);

    @Bean
    AuditChain auditChain(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return new AuditChain(jdbc, transactions, clock);
    }

    @Bean
    RecurringWork auditChainSealWork(AuditChain chain) {
        return new RecurringWork(
                SEAL, WorkSchedule.every(Duration.ofMinutes(1)), context -> chain.seal());
    }

    /**
     * The daily verification; its findings are logged as errors and counted in {@code
     * ramsetu_audit_chain_findings} (-1 until this instance verified), which an alert watches.
     */
    @Bean
    RecurringWork auditChainVerifyWork(AuditChain chain, ObjectProvider<MeterRegistry> meters) {
        AtomicLong findings = new AtomicLong(-1);
        meters.ifAvailable(
                registry ->
                        Gauge.builder("ramsetu.audit.chain.findings", findings, AtomicLong::get)
                                .description(
                                        "Breaks found by this instance's last verification of the"
                                                + " audit chain; -1 before it verified")
                                .register(registry));
        return new RecurringWork(
                VERIFY,
                WorkSchedule.dailyAt(LocalTime.of(4, 15), ZoneOffset.UTC),
                context -> {
                    AuditChain.Verification result = chain.verify();
                    result.findings().forEach(f -> LOG.error("Audit chain: {}", f));
                    LOG.info(
                            "Audit chain verified: {} entries, head {}, {} findings",
                            result.entries(),
                            result.head().map(Object::toString).orElse("none"),
                            result.findingCount());
                    findings.set(result.findingCount());
                });
    }
}
