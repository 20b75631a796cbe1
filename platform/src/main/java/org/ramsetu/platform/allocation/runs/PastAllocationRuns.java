package org.ramsetu.platform.allocation.runs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.ramsetu.core.allocation.AllocationRanking;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.geo.TransportSettings;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.platform.allocation.AllocationProperties;
import org.ramsetu.platform.allocation.policies.AllocationPolicies;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.donation.DonationCases;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.matching.MatchingProperties;
import org.ramsetu.platform.rankingruns.MlScoring;
import org.ramsetu.platform.registry.requests.WaitingList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocation runs of a donation case's recovered organ as they would have been ranked at a moment
 * in the past: the demo's offer histories, whose cases lie up to two years back. The same
 * calculation as a coordinator's run, under the product's default policy and settings, on the
 * waiting list as it stood then ({@link WaitingList#listedBy}), recorded with that moment as its
 * time. Nobody ran it live, so it is written without a live run's events: no audit entry and no
 * re-scoring job (a past run's offers are over; scoring it again would change nothing).
 */
@NamedInterface("runs")
public final class PastAllocationRuns {

    /** Candidates per scoring call, as {@code ramsetu.allocation.scoring-batch-size} defaults. */
    private static final int SCORING_BATCH = 10_000;

    private final AllocationRuns runs;
    private final CaseOrgans caseOrgans;
    private final JdbcClient jdbc;
    private final WaitingList waiting;
    private final ScoringClient scoring;
    private final AllocationPolicies policies =
            AllocationPolicies.load(AllocationProperties.DEFAULT_POLICY);
    private final double heartWeightTolerance =
            Double.parseDouble(MatchingProperties.DEFAULT_HEART_WEIGHT_TOLERANCE);
    private final TransactionTemplate tx;

    /**
     * @param scoring the model server to score with; one that is unavailable ranks on the clinical
     *     policy alone, the run marked degraded with its reason, as a live run would be
     */
    public PastAllocationRuns(
            JdbcClient jdbc, PlatformTransactionManager transactions, ScoringClient scoring) {
        this.runs = new AllocationRuns(jdbc);
        this.caseOrgans =
                new CaseOrgans(
                        new RecoveredOrgans(new DonationCases(jdbc)),
                        PercentileTable.kdpiBundled());
        this.jdbc = jdbc;
        this.waiting = new WaitingList(jdbc, transactions);
        this.scoring = scoring;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Ranks the organ at {@code at} and records the run as the coordinator's, made then.
     *
     * @return the run; empty, writing nothing, when the case has a run of the organ already (a
     *     history is written once) or the organ is not recovered
     */
    public Optional<AllocationRunId> rank(
            DonationCaseId caseId, Organ organ, Instant at, AccountId coordinator) {
        if (runs.hasRunOf(caseId.value(), organ.name())) {
            return Optional.empty();
        }
        TransportSettings transport = TransportSettings.DEFAULTS;
        AllocationCalculation then =
                new AllocationCalculation(
                        new OfferedOrgans(jdbc, PercentileTable.kdpiBundled()),
                        caseOrgans,
                        waiting::listedBy,
                        new MlScoring(scoring, SCORING_BATCH, "allocation"),
                        new AllocationRanking(
                                new EligibilityRules(transport, heartWeightTolerance)),
                        new RunSettings(transport, heartWeightTolerance),
                        Clock.fixed(at, ZoneOffset.UTC));
        OrganSource source = then.recovered(caseId, organ);
        if (!source.allocatable()) {
            return Optional.empty();
        }
        Computed computed = then.calculate(source, policies.forRun(caseId.value(), organ));
        AllocationRun run = RecordingAllocationRun.of(computed, coordinator.value(), null);
        tx.executeWithoutResult(status -> runs.insert(run));
        return Optional.of(new AllocationRunId(run.id()));
    }
}
