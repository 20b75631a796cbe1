package org.ramsetu.platform.allocation.offers;

import java.time.Clock;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.allocation.OfferProperties;
import org.ramsetu.platform.allocation.runs.AllocationRuns;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.donation.DonationCases;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.registry.requests.ChangingRequestStatus;
import org.ramsetu.platform.registry.requests.RequestPatientNames;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers on every database target: the api makes and answers them, the scheduler (on {@code worker}
 * and {@code all}) expires them. The registry and the register of centres are read through their
 * faces, built here because a worker has no registry API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OfferProperties.class)
public class OffersConfiguration {

    @Bean
    MakingOffers makingOffers(
            JdbcClient jdbc,
            AllocationRuns runs,
            OfferProperties properties,
            ObjectProvider<WorkScheduler> scheduler,
            ObjectProvider<AuditLog> audit,
            ObjectProvider<QueuedMail> mail,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        TransplantRequests requests = new TransplantRequests(jdbc);
        ListingCentres centres = ListingCentres.reading(jdbc);
        return new MakingOffers(
                new OfferRows(jdbc),
                runs,
                new RecoveredOrgans(new DonationCases(jdbc)),
                requests,
                new ChangingRequestStatus(requests, centres, events, tx, clock),
                centres,
                properties,
                scheduler.getIfAvailable(),
                AuditLog.shared(audit, jdbc, clock),
                new OfferMails(mail.getIfAvailable(), centres, new Contacts(jdbc)),
                tx,
                clock);
    }

    @Bean
    OneTimeWork<MakingOffers.Expiry> offerExpiryWork(MakingOffers offers) {
        return offers.expiryWork();
    }

    @Bean
    OfferReport offerReport(JdbcClient jdbc, Clock clock) {
        return new OfferReport(jdbc, clock);
    }

    @Bean
    ReadingOffers readingOffers(JdbcClient jdbc, AllocationRuns runs, AuditLog audit) {
        return new ReadingOffers(
                new OfferRows(jdbc),
                runs,
                ListingCentres.reading(jdbc),
                new RequestPatientNames(jdbc),
                audit);
    }
}
