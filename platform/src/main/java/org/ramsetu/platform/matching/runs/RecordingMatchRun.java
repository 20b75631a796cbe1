package org.ramsetu.platform.matching.runs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.ranking.RankedCandidate;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.matching.MatchMails;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.matching.matches.Match;
import org.ramsetu.platform.matching.matches.MatchStatus;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a computed run in one transaction: the run row, the proposals of its best candidates (the
 * request's earlier open proposals superseded), the audit entry, the e-mails and, for a degraded
 * run, the re-scoring job through the outbox. The request row is locked first, so two runs for one
 * request are written one after the other and a request that left {@code WAITING} meanwhile is
 * refused.
 */
class RecordingMatchRun {

    private final MatchRuns runs;
    private final Matches matches;
    private final MatchMails mails;
    private final AuditLog audit;
    private final JobScheduler jobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RecordingMatchRun(
            MatchRuns runs,
            Matches matches,
            MatchMails mails,
            AuditLog audit,
            JobScheduler jobs,
            JdbcClient jdbc,
            TransactionTemplate tx) {
        this.runs = runs;
        this.matches = matches;
        this.mails = mails;
        this.audit = audit;
        this.jobs = jobs;
        this.jdbc = jdbc;
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
        runs.insert(run, request.patientId());
        List<UUID> superseded = matches.supersede(request.id(), run.id());
        List<RankedCandidate> proposed = calc.proposed();
        for (RankedCandidate r : proposed) {
            PooledOffer offer = calc.pool().get(r.id().donorId());
            matches.insert(
                    new Match(
                            UUID.randomUUID(),
                            run.id(),
                            request.id(),
                            offer.pledgeId(),
                            request.patientId(),
                            offer.donorAccountId(),
                            request.organ(),
                            r.rank(),
                            r.components().combined(),
                            Double.isNaN(r.components().ml()) ? null : r.components().ml(),
                            r.components().distanceKm(),
                            offer.pledgeVersion(),
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
        audit.record(
                AuditEntry.of(
                                trigger == RunTrigger.RESCORING
                                        ? MatchingAuditActions.MATCH_RUN_RESCORED
                                        : MatchingAuditActions.MATCH_RUN_CREATED,
                                AuditOutcome.SUCCESS)
                        .by(coordinator, coordinator == null ? null : Role.ADMIN)
                        .on(MatchingAuditActions.RUN, run.id())
                        .with(auditDetail(run, proposed.size(), superseded)));
        if (!proposed.isEmpty() && trigger == RunTrigger.COORDINATOR) {
            mails.proposed(
                    run.id(), request.patientId(), request.id(), request.organ(), proposed.size());
        }
        if (run.degraded()) {
            mails.degradedRun(run.id(), request.id(), request.organ(), run.degradedCause());
            jobs.schedule(
                    new NewJob(
                            RescoringJobs.TYPE, RescoringJobs.key(run.id()), run.id().toString()));
        }
        if (rescoredFrom != null) {
            mails.rescored(run.id(), rescoredFrom, request.id(), request.organ());
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
                    runs.insert(run, request.patientId(), reprocessedFrom, batch);
                    Map<String, Object> detail = auditDetail(run, 0, List.of());
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
        Map<String, Object> now =
                jdbc.sql(
                                "select status, version from transplant_request where id = :id"
                                        + " for update")
                        .param("id", ranked.id())
                        .query()
                        .singleRow();
        return "WAITING".equals(now.get("status"))
                && ((Number) now.get("version")).longValue() == ranked.version();
    }

    private void lockStillWaiting(TransplantRequest ranked) {
        Map<String, Object> now =
                jdbc.sql(
                                "select status, version from transplant_request where id = :id"
                                        + " for update")
                        .param("id", ranked.id())
                        .query()
                        .singleRow();
        String status = (String) now.get("status");
        long version = ((Number) now.get("version")).longValue();
        if (!"WAITING".equals(status)) {
            throw notWaiting(ranked.id(), status);
        }
        if (version != ranked.version()) {
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

    private static Map<String, Object> auditDetail(
            MatchRun run, int proposed, List<UUID> superseded) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("requestId", run.requestId().toString());
        detail.put("organ", run.organ().name());
        detail.put("degraded", run.degraded());
        detail.put("candidates", run.candidateCount());
        detail.put("excluded", run.excludedCount());
        detail.put("proposed", proposed);
        detail.put("superseded", superseded.stream().map(UUID::toString).toList());
        if (run.modelVersion() != null) {
            detail.put("modelVersion", run.modelVersion());
        }
        if (run.degradedCause() != null) {
            detail.put("degradedCause", run.degradedCause());
        }
        if (run.rescoredFrom() != null) {
            detail.put("rescoredFrom", run.rescoredFrom().toString());
        }
        return detail;
    }
}
