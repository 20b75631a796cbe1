package org.ramsetu.platform.matching.runs;

import dev.openfeature.sdk.Client;
import java.time.Clock;
import java.time.Duration;
import org.ramsetu.core.geo.TransportSettings;
import org.ramsetu.core.ranking.RankingWeights;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.infra.flags.FlagKeys;
import org.ramsetu.infra.queue.RetryPolicy;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.matching.MatchMails;
import org.ramsetu.platform.matching.MatchingProperties;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.rankingruns.MlScoring;
import org.ramsetu.platform.rankingruns.RankingRunSlots;
import org.ramsetu.platform.rankingruns.Rescoring;
import org.ramsetu.platform.rankingruns.RescoringJobHandler;
import org.ramsetu.platform.registry.ListingLocks;
import org.ramsetu.platform.registry.ListingStatuses;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.registry.pledges.VerifiedPledges;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computing and recording match runs, and re-scoring degraded ones where queue consumers run. The
 * registry's repositories are shared with the platform API where it runs, or made here on the
 * worker, which has no API.
 */
@Configuration(proxyBeanMethods = false)
public class MatchRunsConfiguration {

    /**
     * Lists are written compact once the flag {@code matching.compact-run-lists} says so: only when
     * no instance of the release before, which reads JSON lists only, will run again.
     */
    @Bean
    MatchRuns matchRuns(JdbcClient jdbc, ObjectProvider<Client> flags) {
        Client client = flags.getIfAvailable();
        return new MatchRuns(
                jdbc,
                () -> client != null && client.getBooleanValue(FlagKeys.COMPACT_RUN_LISTS, false));
    }

    @Bean
    MatchCalculation matchCalculation(
            ObjectProvider<TransplantRequests> requests,
            ObjectProvider<PatientProfiles> profiles,
            ObjectProvider<VerifiedPledges> pledges,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ScoringClient scoring,
            MatchingProperties properties,
            Clock clock) {
        return new MatchCalculation(
                requests.getIfAvailable(() -> new TransplantRequests(jdbc)),
                profiles.getIfAvailable(() -> new PatientProfiles(jdbc)),
                pledges.getIfAvailable(() -> new VerifiedPledges(jdbc, transactions, clock)),
                new MlScoring(scoring, properties.scoringBatchSize()),
                TransportSettings.DEFAULTS,
                RankingWeights.DEFAULTS,
                properties.heartWeightTolerance(),
                properties.proposals(),
                clock);
    }

    /**
     * Where the API is served, ranks a waiting request of each organ once the process is ready
     * ({@link RankingWarmUp}), through the same snapshot and scoring client as real runs.
     */
    @Bean
    @ConditionalOnProperty("ramsetu.platform.api-enabled")
    ApplicationListener<ApplicationReadyEvent> rankingWarmUp(
            MatchCalculation calculation,
            ScoringClient scoring,
            MatchingProperties properties,
            JdbcClient jdbc) {
        RankingWarmUp warmUp =
                new RankingWarmUp(
                        calculation.scoringThrough(
                                new MlScoring(scoring, properties.scoringBatchSize(), "warm-up")),
                        new ListingStatuses(jdbc),
                        properties.warmUpRounds());
        return ready -> warmUp.start();
    }

    @Bean
    RecordingMatchRun recordingMatchRun(
            MatchRuns runs,
            Matches matches,
            ApplicationEventPublisher events,
            ObjectProvider<AuditLog> audit,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock) {
        return new RecordingMatchRun(
                runs,
                matches,
                events,
                AuditLog.shared(audit, jdbc, clock),
                new ListingLocks(jdbc),
                tx);
    }

    /** Listens to {@link MatchRunRecorded}: its audit entry (the worker too has no audit bean). */
    @Bean
    MatchRunAudit matchRunAudit(ObjectProvider<AuditLog> audit, JdbcClient jdbc, Clock clock) {
        return new MatchRunAudit(AuditLog.shared(audit, jdbc, clock));
    }

    /** Listens to {@link MatchRunRecorded} and {@link MatchRunDegraded}: the mails. */
    @Bean
    MatchRunMails matchRunMails(MatchMails mails) {
        return new MatchRunMails(mails);
    }

    /** Listens to {@link MatchRunDegraded}: queues the run's re-scoring. */
    @Bean
    DegradedMatchRunRescoring degradedMatchRunRescoring(JobScheduler jobs) {
        return new DegradedMatchRunRescoring(jobs);
    }

    @Bean
    RunningMatch runningMatch(
            MatchCalculation calculation,
            RecordingMatchRun recording,
            Matches matches,
            MatchingProperties properties,
            RankingRunSlots slots,
            CandidateDonors donors) {
        return new RunningMatch(
                calculation, recording, matches, properties.responseCandidates(), slots, donors);
    }

    /** The donors a match run shows, read when it is shown (every target that answers runs). */
    @Bean
    CandidateDonors candidateDonors(JdbcClient jdbc) {
        return new CandidateDonors(jdbc, PercentileTable.kdpiBundled());
    }

    @Bean
    Rescoring<MatchRun, TransplantRequest, Calculation> rescoringMatchRun(
            MatchRuns runs,
            MatchCalculation calculation,
            RecordingMatchRun recording,
            ObjectProvider<AuditLog> audit,
            JdbcClient jdbc,
            Clock clock) {
        return new Rescoring<>(
                "match run",
                new RescoringMatchRun(
                        runs, calculation, recording, AuditLog.shared(audit, jdbc, clock)));
    }

    @Bean
    ModelChangeMatchRun modelChangeMatchRun(
            MatchRuns runs,
            MatchCalculation calculation,
            RecordingMatchRun recording,
            RankingRunSlots slots) {
        return new ModelChangeMatchRun(runs, calculation, recording, slots);
    }

    @Bean
    @ConditionalOnProperty("ramsetu.queue.consumers-enabled")
    RescoringJobHandler rescoringJobHandler(
            Rescoring<MatchRun, TransplantRequest, Calculation> rescoring,
            MatchingProperties properties) {
        return new RescoringJobHandler(
                RescoringJobs.TYPE,
                "match run",
                Duration.ofMinutes(1),
                rescoring::rescore,
                new RetryPolicy(
                        properties.rescoringAttempts(),
                        properties.rescoringBackoff(),
                        properties.rescoringMaxBackoff()));
    }
}
