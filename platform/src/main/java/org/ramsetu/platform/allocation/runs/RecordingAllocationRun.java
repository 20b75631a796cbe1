package org.ramsetu.platform.allocation.runs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.ramsetu.core.allocation.AllocationResult;
import org.ramsetu.core.eligibility.Exclusion;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.ranking.ExcludedCandidate;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.donation.RecoveredOrgan;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.rankingruns.RunTrigger;
import org.ramsetu.platform.registry.ListingLocks;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a computed allocation run in one transaction: the run row, announced by {@link
 * AllocationRunRecorded} and, for a degraded run, {@link AllocationRunDegraded}, whose listeners
 * write the audit entry and queue the re-scoring job through the outbox. The pledge's (or the
 * donation case's) row is locked first, so a pledge that left {@code VERIFIED}, a case whose organ
 * is no longer recovered, or either changed while the waiting list was ranked, is refused.
 */
class RecordingAllocationRun {

    private final AllocationRuns runs;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final ListingLocks locks;
    private final CaseOrgans caseOrgans;
    private final TransactionTemplate tx;

    RecordingAllocationRun(
            AllocationRuns runs,
            ApplicationEventPublisher events,
            AuditLog audit,
            ListingLocks locks,
            CaseOrgans caseOrgans,
            TransactionTemplate tx) {
        this.runs = runs;
        this.events = events;
        this.audit = audit;
        this.locks = locks;
        this.caseOrgans = caseOrgans;
        this.tx = tx;
    }

    /**
     * @param coordinator who asked; null for the re-scoring job
     * @param rescoredFrom the degraded run a re-scoring replaces; null for a coordinator's run
     * @throws DomainException Conflict when the pledge is no longer {@code VERIFIED} or changed
     *     while ranked
     */
    AllocationRun record(Computed computed, UUID coordinator, UUID rescoredFrom) {
        AllocationRun run = of(computed, coordinator, rescoredFrom);
        return tx.execute(status -> write(run, computed.organ()));
    }

    private AllocationRun write(AllocationRun run, OfferedOrgan organ) {
        if (run.pledgeId() != null) {
            lockStillVerified(run.pledgeId(), run.pledgeVersion());
        } else {
            lockStillRecovered(organ, run.organ());
        }
        runs.insert(run);
        events.publishEvent(new AllocationRunRecorded(run));
        if (run.degraded()) {
            events.publishEvent(new AllocationRunDegraded(run.id()));
        }
        return run;
    }

    /**
     * Writes a run a re-processing batch computed: the run row (trigger {@code REPROCESSED}, naming
     * the run it ranked again and the batch) and its audit entry, in the caller's transaction.
     * Nothing is offered: the batch is a report (docs/reprocessing.md).
     *
     * @return empty, writing nothing, when the pledge left {@code VERIFIED} or changed since
     */
    Optional<AllocationRun> recordModelChange(Computed computed, UUID reprocessedFrom, UUID batch) {
        AllocationRun run = of(computed, null, null, RunTrigger.REPROCESSED);
        return tx.execute(
                status -> {
                    ListingLocks.Locked now = locked(run.pledgeId());
                    if (!"VERIFIED".equals(now.status())
                            || now.version() != run.pledgeVersion().longValue()) {
                        return Optional.<AllocationRun>empty();
                    }
                    runs.insert(run, reprocessedFrom, batch);
                    Map<String, Object> detail = new HashMap<>();
                    detail.put("pledgeId", run.pledgeId().toString());
                    detail.put("organ", run.organ().name());
                    detail.put("policy", run.policyId());
                    detail.put("candidates", run.candidateCount());
                    detail.put("excluded", run.excludedCount());
                    if (run.modelVersion() != null) {
                        detail.put("modelVersion", run.modelVersion());
                    }
                    detail.put("reprocessedFrom", reprocessedFrom.toString());
                    detail.put("batch", batch.toString());
                    audit.record(
                            AuditEntry.of(
                                            ModelChangeAllocationRun.AUDIT_ACTION,
                                            AuditOutcome.SUCCESS)
                                    .on(AllocationAuditActions.RUN, run.id())
                                    .with(detail));
                    return Optional.of(run);
                });
    }

    static AllocationRun of(Computed c, UUID coordinator, UUID rescoredFrom) {
        return of(
                c,
                coordinator,
                rescoredFrom,
                rescoredFrom == null ? RunTrigger.COORDINATOR : RunTrigger.RESCORING);
    }

    private static AllocationRun of(
            Computed c, UUID coordinator, UUID rescoredFrom, RunTrigger trigger) {
        AllocationResult r = c.result();
        Map<String, Integer> counts = new TreeMap<>();
        for (ExcludedCandidate e : r.excluded()) {
            for (Exclusion x : e.exclusions()) {
                counts.merge(x.code().name(), 1, Integer::sum);
            }
        }
        return new AllocationRun(
                UUID.randomUUID(),
                c.organ().pledgeId(),
                c.organ().donorAccountId(),
                c.organ().donor().offer().organ(),
                c.organ().pledgeVersion(),
                c.organ().caseId(),
                c.organ().caseVersion(),
                c.asOf(),
                coordinator,
                trigger,
                r.degraded(),
                c.degradedCause(),
                r.modelVersion(),
                c.policy().id(),
                c.policy().sha256(),
                c.policy().canonicalJson(),
                r.formulaVersions(),
                c.organ().facts(),
                c.settings(),
                rescoredFrom,
                c.waitingCount(),
                r.ranked().size(),
                r.excluded().size(),
                counts,
                RunCodec.candidates(r.ranked()),
                RunCodec.exclusions(r.excluded()),
                c.durationMillis(),
                c.timings());
    }

    private ListingLocks.Locked locked(UUID pledgeId) {
        return locks.lock(new PledgeId(pledgeId))
                .orElseThrow(() -> new IllegalStateException("no pledge " + pledgeId));
    }

    private void lockStillVerified(UUID pledgeId, Long rankedVersion) {
        ListingLocks.Locked now = locked(pledgeId);
        if (!"VERIFIED".equals(now.status())) {
            throw notVerified(pledgeId, now.status());
        }
        if (now.version() != rankedVersion.longValue()) {
            throw new Conflict(
                    "pledge-changed",
                    "pledge "
                            + pledgeId
                            + " changed while the waiting list was ranked; run the allocation"
                            + " again");
        }
    }

    /**
     * The case's row locked for this transaction: the organ must still be recovered and the case
     * unchanged since the waiting list was ranked.
     */
    private void lockStillRecovered(OfferedOrgan offered, Organ organ) {
        DonationCaseId caseId = new DonationCaseId(offered.caseId());
        RecoveredOrgan now =
                caseOrgans
                        .lock(caseId, organ)
                        .orElseThrow(() -> new IllegalStateException("no donation case " + caseId));
        if (!now.allocatable()) {
            throw notRecovered(caseId, organ);
        }
        if (now.caseVersion() != offered.caseVersion()) {
            throw new Conflict(
                    "case-changed",
                    "donation case "
                            + caseId
                            + " changed while the waiting list was ranked; run the allocation"
                            + " again");
        }
    }

    static Conflict notRecovered(DonationCaseId caseId, Organ organ) {
        return new Conflict(
                "organ-not-recovered",
                "donation case "
                        + caseId
                        + " has no recovered "
                        + organ
                        + "; allocation runs rank the waiting list for an organ once its recovery"
                        + " is recorded (POST /api/v1/admin/donation-cases/"
                        + caseId
                        + "/recovery)");
    }

    static Conflict notVerified(UUID pledgeId, Object status) {
        return new Conflict(
                "pledge-not-verified",
                "pledge "
                        + pledgeId
                        + " is "
                        + status
                        + "; allocation runs rank the waiting list for VERIFIED pledges only"
                        + " (a coordinator verifies it at POST /api/v1/admin/pledges/"
                        + pledgeId
                        + "/verify)");
    }
}
