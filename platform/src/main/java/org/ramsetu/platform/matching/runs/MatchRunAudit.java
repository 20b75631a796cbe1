package org.ramsetu.platform.matching.runs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.matching.matches.Match;
import org.ramsetu.platform.rankingruns.RunTrigger;
import org.springframework.context.event.EventListener;

/** The audit entry of each match run written, in the run's transaction (a synchronous listener). */
class MatchRunAudit {

    private final AuditLog audit;

    MatchRunAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void recorded(MatchRunRecorded event) {
        MatchRun run = event.run();
        audit.record(
                AuditEntry.of(
                                run.trigger() == RunTrigger.RESCORING
                                        ? MatchingAuditActions.MATCH_RUN_RESCORED
                                        : MatchingAuditActions.MATCH_RUN_CREATED,
                                AuditOutcome.SUCCESS)
                        .by(run.createdBy(), run.createdBy() == null ? null : Role.ADMIN)
                        .on(MatchingAuditActions.RUN, run.id())
                        .with(detail(run, event.proposed(), event.superseded())));
    }

    @EventListener
    void proposed(ProposalsAdded event) {
        MatchRun run = event.run();
        audit.record(
                AuditEntry.of(MatchingAuditActions.MATCH_PROPOSALS_ADDED, AuditOutcome.SUCCESS)
                        .by(event.coordinator(), Role.ADMIN)
                        .on(MatchingAuditActions.RUN, run.id())
                        .with(
                                Map.of(
                                        "requestId", run.requestId().toString(),
                                        "organ", run.organ().name(),
                                        "throughRank", event.throughRank(),
                                        "ranks", event.added().stream().map(Match::rank).toList(),
                                        "matches",
                                                event.added().stream()
                                                        .map(m -> m.id().toString())
                                                        .toList())));
    }

    /** What an entry about a run says of it. */
    static Map<String, Object> detail(MatchRun run, int proposed, List<UUID> superseded) {
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
