package org.ramsetu.platform.allocation.runs;

import java.time.Clock;
import java.time.Duration;
import org.ramsetu.core.allocation.AllocationRanking;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.geo.TransportSettings;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.infra.queue.RetryPolicy;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.platform.allocation.AllocationProperties;
import org.ramsetu.platform.allocation.policies.AllocationPolicies;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.donation.DonationCases;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.matching.MatchingProperties;
import org.ramsetu.platform.rankingruns.MlScoring;
import org.ramsetu.platform.rankingruns.RankingRunSlots;
import org.ramsetu.platform.rankingruns.Rescoring;
import org.ramsetu.platform.rankingruns.RescoringJobHandler;
import org.ramsetu.platform.registry.ListingLocks;
import org.ramsetu.platform.registry.requests.ListedPatients;
import org.ramsetu.platform.registry.requests.WaitingList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Computing, recording and re-scoring allocation runs. */
@Configuration(proxyBeanMethods = false)
public class AllocationRunsConfiguration {

    @Bean
    AllocationRuns allocationRuns(JdbcClient jdbc) {
        return new AllocationRuns(jdbc);
    }

    @Bean
    WaitingList waitingList(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new WaitingList(jdbc, transactions);
    }

    /** Donation cases' recovered organs, as allocation offers them (every target with runs). */
    @Bean
    CaseOrgans caseOrgans(JdbcClient jdbc) {
        return new CaseOrgans(
                new RecoveredOrgans(new DonationCases(jdbc)), PercentileTable.kdpiBundled());
    }

    @Bean
    AllocationCalculation allocationCalculation(
            JdbcClient jdbc,
            CaseOrgans caseOrgans,
            WaitingList waiting,
            ScoringClient scoring,
            AllocationProperties properties,
            MatchingProperties matching,
            Clock clock) {
        TransportSettings transport = TransportSettings.DEFAULTS;
        return new AllocationCalculation(
                new OfferedOrgans(jdbc, PercentileTable.kdpiBundled()),
                caseOrgans,
                waiting::of,
                new MlScoring(scoring, properties.scoringBatchSize(), "allocation"),
                new AllocationRanking(
                        new EligibilityRules(transport, matching.heartWeightTolerance())),
                new RunSettings(transport, matching.heartWeightTolerance()),
                clock);
    }

    @Bean
    RecordingAllocationRun recordingAllocationRun(
            AllocationRuns runs,
            ApplicationEventPublisher events,
            ObjectProvider<AuditLog> audit,
            JdbcClient jdbc,
            CaseOrgans caseOrgans,
            TransactionTemplate tx,
            Clock clock) {
        return new RecordingAllocationRun(
                runs,
                events,
                AuditLog.shared(audit, jdbc, clock),
                new ListingLocks(jdbc),
                caseOrgans,
                tx);
    }

    /** Listens to {@link AllocationRunRecorded}: its audit entry (the worker has no audit bean). */
    @Bean
    AllocationRunAudit allocationRunAudit(
            ObjectProvider<AuditLog> audit, JdbcClient jdbc, Clock clock) {
        return new AllocationRunAudit(AuditLog.shared(audit, jdbc, clock));
    }

    /** Listens to {@link AllocationRunDegraded}: queues the run's re-scoring. */
    @Bean
    DegradedAllocationRunRescoring degradedAllocationRunRescoring(JobScheduler jobs) {
        return new DegradedAllocationRunRescoring(jobs);
    }

    @Bean
    RunningAllocation runningAllocation(
            AllocationCalculation calculation,
            RecordingAllocationRun recording,
            AllocationPolicies policies,
            AllocationProperties properties,
            RankingRunSlots slots,
            JdbcClient jdbc) {
        return new RunningAllocation(
                calculation,
                recording,
                policies,
                properties.responseCandidates(),
                slots,
                new CandidateRecipients(new ListedPatients(jdbc)));
    }

    @Bean
    Rescoring<AllocationRun, OrganSource, Computed> rescoringAllocationRun(
            AllocationRuns runs,
            AllocationCalculation calculation,
            RecordingAllocationRun recording,
            ObjectProvider<AuditLog> audit,
            JdbcClient jdbc,
            Clock clock) {
        return new Rescoring<>(
                "allocation run",
                new RescoringAllocationRun(
                        runs, calculation, recording, AuditLog.shared(audit, jdbc, clock)));
    }

    @Bean
    ModelChangeAllocationRun modelChangeAllocationRun(
            AllocationRuns runs,
            AllocationCalculation calculation,
            RecordingAllocationRun recording,
            AllocationPolicies policies,
            RankingRunSlots slots) {
        return new ModelChangeAllocationRun(runs, calculation, recording, policies, slots);
    }

    @Bean
    @ConditionalOnProperty("ramsetu.queue.consumers-enabled")
    RescoringJobHandler allocationRescoringJobHandler(
            Rescoring<AllocationRun, OrganSource, Computed> rescoring,
            AllocationProperties properties) {
        return new RescoringJobHandler(
                AllocationRescoringJobs.TYPE,
                "allocation run",
                Duration.ofMinutes(2), // an attempt ranks a whole waiting list
                rescoring::rescore,
                new RetryPolicy(
                        properties.rescoringAttempts(),
                        properties.rescoringBackoff(),
                        properties.rescoringMaxBackoff()));
    }
}
