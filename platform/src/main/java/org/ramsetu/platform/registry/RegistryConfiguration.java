package org.ramsetu.platform.registry;

import java.time.Clock;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.registry.donors.DonorController;
import org.ramsetu.platform.registry.donors.DonorProfileService;
import org.ramsetu.platform.registry.donors.DonorProfiles;
import org.ramsetu.platform.registry.patients.PatientController;
import org.ramsetu.platform.registry.patients.PatientProfileService;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.registry.pledges.AdminPledgeController;
import org.ramsetu.platform.registry.pledges.ChangingPledgeStatus;
import org.ramsetu.platform.registry.pledges.PledgeAudit;
import org.ramsetu.platform.registry.pledges.PledgeController;
import org.ramsetu.platform.registry.pledges.PledgeMade;
import org.ramsetu.platform.registry.pledges.PledgeMails;
import org.ramsetu.platform.registry.pledges.PledgeStatusChanged;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.registry.pledges.PledgingOrgan;
import org.ramsetu.platform.registry.pledges.ReadingPledges;
import org.ramsetu.platform.registry.pledges.VerifiedPledges;
import org.ramsetu.platform.registry.requests.AdminTransplantRequestController;
import org.ramsetu.platform.registry.requests.ChangingClinicalValues;
import org.ramsetu.platform.registry.requests.ChangingRequestStatus;
import org.ramsetu.platform.registry.requests.ListingPatient;
import org.ramsetu.platform.registry.requests.PatientListed;
import org.ramsetu.platform.registry.requests.ReadingTransplantRequests;
import org.ramsetu.platform.registry.requests.RequestAudit;
import org.ramsetu.platform.registry.requests.RequestMails;
import org.ramsetu.platform.registry.requests.RequestStatusChanged;
import org.ramsetu.platform.registry.requests.TransplantRequestController;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.ramsetu.platform.security.RecordAccess;
import org.ramsetu.platform.web.idempotency.IdempotencyConfiguration;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry: donor and patient profiles, pledges and transplant requests. */
@Configuration(proxyBeanMethods = false)
@Import(IdempotencyConfiguration.class)
public class RegistryConfiguration {

    // Donors and pledges

    @Bean
    DonorProfiles donorProfiles(JdbcClient jdbc) {
        return new DonorProfiles(jdbc);
    }

    @Bean
    DonorProfileService donorProfileService(
            DonorProfiles profiles,
            RecordAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        return new DonorProfileService(profiles, access, audit, tx, clock);
    }

    @Bean
    DonorController donorController(DonorProfileService profiles) {
        return new DonorController(profiles);
    }

    @Bean
    Pledges pledges(JdbcClient jdbc) {
        return new Pledges(jdbc);
    }

    /** Listens to {@link PledgeMade} and {@link PledgeStatusChanged}: the donor's mails. */
    /** The match runs' snapshot of verified pledges: one per process, refreshed on demand. */
    @Bean
    VerifiedPledges verifiedPledges(
            JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new VerifiedPledges(jdbc, transactions, clock);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> verifiedPledgesReadAhead(VerifiedPledges pledges) {
        return ready -> pledges.warm();
    }

    @Bean
    PledgeMails pledgeMails(QueuedMail mail, JdbcClient jdbc) {
        return new PledgeMails(mail, new Contacts(jdbc));
    }

    /** Listens to {@link PledgeMade} and {@link PledgeStatusChanged}: their audit entries. */
    @Bean
    PledgeAudit pledgeAudit(AuditLog audit) {
        return new PledgeAudit(audit);
    }

    @Bean
    PledgingOrgan pledgingOrgan(
            Pledges pledges,
            DonorProfiles profiles,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        return new PledgingOrgan(pledges, profiles, events, tx, clock);
    }

    @Bean
    ReadingPledges readingPledges(Pledges pledges, RecordAccess access) {
        return new ReadingPledges(pledges, access);
    }

    /** Also for the matching workflow: {@link ChangingPledgeStatus#markDonated}. */
    @Bean
    ChangingPledgeStatus changingPledgeStatus(
            Pledges pledges,
            RecordAccess access,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        return new ChangingPledgeStatus(pledges, access, events, tx, clock);
    }

    @Bean
    PledgeController pledgeController(
            PledgingOrgan pledging,
            ReadingPledges reading,
            ChangingPledgeStatus changing,
            IdempotentRequests idempotent) {
        return new PledgeController(pledging, reading, changing, idempotent);
    }

    @Bean
    AdminPledgeController adminPledgeController(ChangingPledgeStatus changing) {
        return new AdminPledgeController(changing);
    }

    // Patients and transplant requests

    @Bean
    PatientProfiles patientProfiles(JdbcClient jdbc) {
        return new PatientProfiles(jdbc);
    }

    @Bean
    PatientProfileService patientProfileService(
            PatientProfiles profiles,
            RecordAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        return new PatientProfileService(profiles, access, audit, tx, clock);
    }

    @Bean
    PatientController patientController(PatientProfileService profiles) {
        return new PatientController(profiles);
    }

    @Bean
    TransplantRequests transplantRequests(JdbcClient jdbc) {
        return new TransplantRequests(jdbc);
    }

    /** Listens to {@link PatientListed} and {@link RequestStatusChanged}: the patient's mails. */
    @Bean
    RequestMails requestMails(QueuedMail mail, JdbcClient jdbc) {
        return new RequestMails(mail, new Contacts(jdbc));
    }

    /** Listens to {@link PatientListed} and {@link RequestStatusChanged}: their audit entries. */
    @Bean
    RequestAudit requestAudit(AuditLog audit) {
        return new RequestAudit(audit);
    }

    @Bean
    ListingPatient listingPatient(
            TransplantRequests requests,
            PatientProfiles profiles,
            ListingCentres centres,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        return new ListingPatient(
                requests, profiles, PercentileTable.eptsBundled(), centres, events, tx, clock);
    }

    @Bean
    ReadingTransplantRequests readingTransplantRequests(
            TransplantRequests requests, ListingCentres centres, RecordAccess access, Clock clock) {
        return new ReadingTransplantRequests(requests, centres, access, clock);
    }

    /** Also for the matching workflow: {@code markMatched}, {@code markTransplanted}. */
    @Bean
    ChangingRequestStatus changingRequestStatus(
            TransplantRequests requests,
            ListingCentres centres,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        return new ChangingRequestStatus(requests, centres, events, tx, clock);
    }

    @Bean
    ChangingClinicalValues changingClinicalValues(
            TransplantRequests requests,
            PatientProfiles profiles,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        return new ChangingClinicalValues(
                requests, profiles, PercentileTable.eptsBundled(), events, tx, clock);
    }

    @Bean
    TransplantRequestController transplantRequestController(
            ListingPatient listing,
            ReadingTransplantRequests reading,
            ChangingClinicalValues changing,
            IdempotentRequests idempotent) {
        return new TransplantRequestController(listing, reading, changing, idempotent);
    }

    @Bean
    AdminTransplantRequestController adminTransplantRequestController(
            ChangingRequestStatus changing) {
        return new AdminTransplantRequestController(changing);
    }
}
