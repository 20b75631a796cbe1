package org.ramsetu.platform.matching.matches;

import java.util.HashMap;
import java.util.Map;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.context.event.EventListener;

/**
 * The audit trail of match decisions: an approval and each proposal it declined with it, or a
 * coordinator's decline, written in the decision's transaction (synchronous listeners).
 */
class MatchDecisionAudit {

    private final AuditLog audit;

    MatchDecisionAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void approved(MatchApproved event) {
        Match match = event.match();
        audit.record(
                AuditEntry.of(MatchingAuditActions.MATCH_APPROVED, AuditOutcome.SUCCESS)
                        .by(event.by().id(), event.by().role())
                        .on(MatchingAuditActions.MATCH, match.id())
                        .with(
                                Map.of(
                                        "pledgeId", match.pledgeId().toString(),
                                        "requestId", match.requestId().toString(),
                                        "runId", match.runId().toString(),
                                        "alsoDeclined",
                                                event.alsoDeclined().stream()
                                                        .map(m -> m.id().toString())
                                                        .toList())));
        for (Match other : event.alsoDeclined()) {
            // Passed over with the coordinator's own reason, or declined by the workflow.
            declined(event.by(), other, !other.declineReason().byCoordinator());
        }
    }

    @EventListener
    void declined(MatchDeclined event) {
        declined(event.by(), event.match(), false);
    }

    private void declined(CurrentUser by, Match m, boolean automatic) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("reason", m.declineReason().name());
        detail.put("automatic", automatic);
        detail.put("pledgeId", m.pledgeId().toString());
        detail.put("requestId", m.requestId().toString());
        if (m.declineNote() != null) {
            detail.put("note", m.declineNote());
        }
        audit.record(
                AuditEntry.of(MatchingAuditActions.MATCH_DECLINED, AuditOutcome.SUCCESS)
                        .by(by.id(), by.role())
                        .on(MatchingAuditActions.MATCH, m.id())
                        .with(detail));
    }
}
