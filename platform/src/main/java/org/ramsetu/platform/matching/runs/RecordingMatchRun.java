package org.ramsetu.platform.matching.runs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.ranking.RankedCandidate;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.matching.matches.Match;
import org.ramsetu.platform.matching.matches.MatchStatus;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.rankingruns.RunTrigger;
import org.ramsetu.platform.registry.ListingLocks;
import org.ramsetu.platform.registry.pledges.VerifiedPledge;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a computed run in one transaction: the run row and the proposals of its best candidates
 * (the request's earlier open proposals superseded). {@link MatchRunRecorded} and, for a degraded
 * run, {@link MatchRunDegraded} announce it in that transaction; their listeners write the audit
 * entry and the e-mails and queue the re-scoring job through the outbox. The request row is locked
 * first, so two runs for one request are written one after the other and a request that left {@code
 * WAITING} meanwhile is refused.
 */
class RecordingMatchRun {

    private final MatchRuns runs;
    private final Matches matches;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final ListingLocks locks;
    private final TransactionTemplate tx;

    RecordingMatchRun(
            MatchRuns runs,
            Matches matches,
            ApplicationEventPublisher events,
            AuditLog audit,
            ListingLocks locks,
            TransactionTemplate tx) {
        this.runs = runs;
        this.matches = matches;
        this.events = events;
        this.audit = audit;
        this.locks = locks;
        this.tx = tx;
    }

    /**
     * @param coordinator who asked; null for the re-scoring job
     * @param rescoredFrom the degraded run a re-scoring replaces; null for a coordinator's run
     * @throws DomainException Conflict when the request is no longer {@code WAITING} or changed
     *     while ranked
     */
    MatchRun record(Calculation calc, UUID coordinator, UUID rescoredFrom) {
        return tx.execute(status -> write(calc, coordinator, rescoredFrom));
    }

    private MatchRun write(Calculation calc, UUID coordinator, UUID rescoredFrom) {
        TransplantRequest request = calc.facts().request();
        lockStillWaiting(request);
        RunTrigger trigger = rescoredFrom == null ? RunTrigger.COORDINATOR : RunTrigger.RESCORING;
        MatchRun run = RunRecord.of(calc, UUID.randomUUID(), coordinator, trigger, rescoredFrom);
        runs.insert(run, calc, request.patientId());
        List<UUID> superseded = matches.supersede(request.id(), run.id());
        List<RankedCandidate> proposed = calc.proposed();
        for (RankedCandidate r : proposed) {
            VerifiedPledge offer = calc.pool().get(r.id().donorId());
            matches.insert(
                    new Match(
                            UUID.randomUUID(),
                            run.id(),
                            request.id(),
                            offer.id().value(),
                            request.patientId(),
                            offer.donor().value(),
                            request.organ(),
                            r.rank(),
                            r.components().combined(),
                            Double.isNaN(r.components().ml()) ? null : r.components().ml(),
                            r.components().distanceKm(),
                            offer.version(),
                            request.version(),
                            MatchStatus.PROPOSED,
                            null,
                            null,
                            run.createdAt(),
                            null,
                            null,
                            null,
                            0));
        }
        events.publishEvent(
                new MatchRunRecorded(run, request.patientId(), proposed.size(), superseded));
        if (run.degraded()) {
            events.publishEvent(
                    new MatchRunDegraded(
                            run.id(), request.id(), request.organ(), run.degradedCause()));
        }
        return run;
    }

    /**
     * Writes a run a re-processing batch computed: the run row (trigger {@code REPROCESSED}, naming
     * the run it ranked again and the batch) and its audit entry; nothing else. Its candidates are
     * not proposed, no proposal is superseded and nobody is mailed: the batch is a report for
     * coordinators, who start a run of their own to act on it (docs/reprocessing.md). Joins the
     * caller's transaction.
     *
     * @return empty, writing nothing, when the request left {@code WAITING} or changed since it was
     *     ranked
     */
    Optional<MatchRun> recordModelChange(Calculation calc, UUID reprocessedFrom, UUID batch) {
        return tx.execute(
                status -> {
                    TransplantRequest request = calc.facts().request();
                    if (!stillWaitingAsRanked(request)) {
                        return Optional.<MatchRun>empty();
                    }
                    MatchRun run =
                            RunRecord.of(
                                    calc, UUID.randomUUID(), null, RunTrigger.REPROCESSED, null);
                    runs.insert(run, calc, request.patientId(), reprocessedFrom, batch);
                    Map<String, Object> detail = MatchRunAudit.detail(run, 0, List.of());
                    detail.put("reprocessedFrom", reprocessedFrom.toString());
                    detail.put("batch", batch.toString());
                    audit.record(
                            AuditEntry.of(ModelChangeMatchRun.AUDIT_ACTION, AuditOutcome.SUCCESS)
                                    .on(MatchingAuditActions.RUN, run.id())
                                    .with(detail));
                    return Optional.of(run);
                });
    }

    private boolean stillWaitingAsRanked(TransplantRequest ranked) {
        ListingLocks.Locked now = locked(ranked);
        return "WAITING".equals(now.status()) && now.version() == ranked.version();
    }

    private ListingLocks.Locked locked(TransplantRequest ranked) {
        return locks.lock(new RequestId(ranked.id()))
                .orElseThrow(() -> new IllegalStateException("no request " + ranked.id()));
    }

    private void lockStillWaiting(TransplantRequest ranked) {
        ListingLocks.Locked now = locked(ranked);
        if (!"WAITING".equals(now.status())) {
            throw notWaiting(ranked.id(), now.status());
        }
        if (now.version() != ranked.version()) {
            throw new Conflict(
                    "request-changed",
                    "transplant request "
                            + ranked.id()
                            + " changed while its candidates were ranked; run the match again");
        }
    }

    static Conflict notWaiting(UUID requestId, Object status) {
        return new Conflict(
                "request-not-waiting",
                "transplant request "
                        + requestId
                        + " is "
                        + status
                        + "; match runs rank donors for WAITING requests only");
    }
}
