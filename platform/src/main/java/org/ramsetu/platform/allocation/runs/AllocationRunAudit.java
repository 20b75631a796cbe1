package org.ramsetu.platform.allocation.runs;

import java.util.HashMap;
import java.util.Map;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.rankingruns.RunTrigger;
import org.springframework.context.event.EventListener;

/**
 * The audit entry of each allocation run written, in the run's transaction (a synchronous
 * listener).
 */
class AllocationRunAudit {

    private final AuditLog audit;

    AllocationRunAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void recorded(AllocationRunRecorded event) {
        AllocationRun run = event.run();
        Map<String, Object> detail = new HashMap<>();
        if (run.pledgeId() != null) {
            detail.put("pledgeId", run.pledgeId().toString());
        } else {
            detail.put("donationCaseId", run.donationCaseId().toString());
        }
        detail.put("organ", run.organ().name());
        detail.put("policy", run.policyId());
        detail.put("degraded", run.degraded());
        detail.put("candidates", run.candidateCount());
        detail.put("excluded", run.excludedCount());
        if (run.rescoredFrom() != null) {
            detail.put("rescoredFrom", run.rescoredFrom().toString());
        }
        audit.record(
                AuditEntry.of(
                                run.trigger() == RunTrigger.RESCORING
                                        ? AllocationAuditActions.ALLOCATION_RUN_RESCORED
                                        : AllocationAuditActions.ALLOCATION_RUN_CREATED,
                                AuditOutcome.SUCCESS)
                        .by(run.createdBy(), run.createdBy() == null ? null : Role.ADMIN)
                        .on(AllocationAuditActions.RUN, run.id())
                        .with(detail));
    }
}
