package org.ramsetu.platform.matching.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.scoring.resilience.ResilientScoringConfiguration;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.matching.MatchMails;
import org.ramsetu.platform.matching.MatchParties;
import org.ramsetu.platform.matching.MatchingProperties;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.matching.runs.MatchRunsConfiguration;
import org.ramsetu.platform.rankingruns.RankingRunSlots;
import org.ramsetu.platform.registry.donors.DonorProfiles;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The matching workflow on every database target: runs, proposals and the re-scoring job ({@code
 * all}, {@code api}, {@code worker}). The HTTP endpoints come with the platform API ({@link
 * MatchingWebConfiguration}). Scoring is the in-process client where the target scores itself
 * ({@code all}), else the resilient HTTP client ({@link ResilientScoringConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@EnableConfigurationProperties(MatchingProperties.class)
@Import({ResilientScoringConfiguration.class, MatchRunsConfiguration.class})
public class MatchingConfiguration {

    @Bean
    MatchParties matchParties(JdbcClient jdbc) {
        // Plain readers, not the features' beans: the worker runs without accounts and registry.
        return new MatchParties(
                new Contacts(jdbc), new DonorProfiles(jdbc), new PatientProfiles(jdbc));
    }

    @Bean
    MatchMails matchMails(QueuedMail mail, MatchParties parties) {
        return new MatchMails(mail, parties);
    }

    @Bean
    RankingRunSlots rankingRunSlots(
            MatchingProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new RankingRunSlots(
                properties.concurrentRuns(), properties.runSlotWait(), meters.getIfAvailable());
    }

    @Bean
    Matches matches(JdbcClient jdbc) {
        return new Matches(jdbc);
    }
}
