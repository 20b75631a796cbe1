package org.ramsetu.platform.allocation.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.ramsetu.core.allocation.AllocationRanking;
import org.ramsetu.core.allocation.AllocationResult;
import org.ramsetu.core.allocation.PreparedAllocation;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.platform.allocation.policies.LoadedPolicy;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.rankingruns.MlScoring;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;

/**
 * An allocation run up to its record: the organ to offer (a pledge's, or a donation case's
 * recovered organ, {@link OrganSource}) → the waiting list for the organ (as it stands, or as it
 * stood at a past moment) → the clinical core's hard filters and features (the same as a match
 * run's) → ML scores keyed by request id → the policy's groups and points. Runs outside any
 * transaction, so the scoring call never holds a connection.
 */
class AllocationCalculation {

    private final OfferedOrgans organs;
    private final CaseOrgans caseOrgans;
    private final BiFunction<Organ, Instant, List<WaitingRequest>> waiting;
    private final MlScoring scoring;
    private final AllocationRanking ranking;
    private final RunSettings settings;
    private final Clock clock;

    AllocationCalculation(
            OfferedOrgans organs,
            CaseOrgans caseOrgans,
            BiFunction<Organ, Instant, List<WaitingRequest>> waiting,
            MlScoring scoring,
            AllocationRanking ranking,
            RunSettings settings,
            Clock clock) {
        this.organs = organs;
        this.caseOrgans = caseOrgans;
        this.waiting = waiting;
        this.scoring = scoring;
        this.ranking = ranking;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws DomainException NotFound for an unknown pledge
     */
    PledgedOrgan pledge(UUID id) {
        return organs.find(id).orElseThrow(() -> new NotFound("pledge", id));
    }

    OrganSource of(PledgedOrgan pledge) {
        return new OrganSource.Pledged(pledge, organs);
    }

    /**
     * @throws DomainException NotFound for an unknown case
     */
    OrganSource recovered(DonationCaseId id, Organ organ) {
        return new OrganSource.Recovered(
                caseOrgans
                        .find(id, organ)
                        .orElseThrow(() -> new NotFound("donation case", id.value())),
                caseOrgans);
    }

    /** What a run ranked for, read again now (re-scoring a degraded run). */
    OrganSource sourceOf(AllocationRun run) {
        return run.pledgeId() != null
                ? of(pledge(run.pledgeId()))
                : recovered(new DonationCaseId(run.donationCaseId()), run.organ());
    }

    Computed calculate(OrganSource source, LoadedPolicy policy) {
        long started = System.nanoTime();
        Instant asOf = Sql.now(clock);
        OfferedOrgan organ = source.offer(asOf);
        Map<String, Long> timings = new LinkedHashMap<>();
        long t = System.nanoTime();
        List<WaitingRequest> list = waiting.apply(source.organ(), asOf);
        t = lap(timings, "waitingList", t);
        PreparedAllocation prepared = ranking.prepare(policy.policy(), organ.donor(), list, asOf);
        t = lap(timings, "hardFilters", t);
        MlScoring.Outcome outcome =
                scoring.score(source.organ(), prepared.run(), CandidateId::patientId);
        t = lap(timings, "scoring", t);
        AllocationResult result = ranking.rank(prepared, outcome.scores());
        lap(timings, "ranking", t);
        String cause = null;
        if (result.degraded()) {
            cause =
                    outcome.unavailableReason() != null
                            ? outcome.unavailableReason()
                            : "the ML score was missing for some candidates";
        }
        return new Computed(
                organ,
                policy,
                asOf,
                list.size(),
                result,
                cause,
                settings,
                (System.nanoTime() - started) / 1_000_000,
                timings);
    }

    private static long lap(Map<String, Long> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.put(stage, (now - since) / 1_000_000);
        return now;
    }
}
