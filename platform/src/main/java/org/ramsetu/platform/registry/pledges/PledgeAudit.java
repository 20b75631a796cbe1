package org.ramsetu.platform.registry.pledges;

import java.util.Map;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.registry.RegistryAuditActions;
import org.ramsetu.platform.registry.common.StatusChangeAudit;
import org.springframework.context.event.EventListener;

/**
 * The audit trail of pledges: an entry for each pledge made and for each change of its status,
 * written in the transaction of the change (synchronous listeners).
 */
public class PledgeAudit {

    private final AuditLog audit;

    public PledgeAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void made(PledgeMade event) {
        Pledge pledge = event.pledge();
        audit.record(
                AuditEntry.of(RegistryAuditActions.PLEDGE_CREATED, AuditOutcome.SUCCESS)
                        .by(event.by().id(), event.by().role())
                        .on(ReadingPledges.KIND, pledge.id())
                        .with(Map.of("organ", pledge.organ().name(), "status", "PENDING")));
    }

    @EventListener
    void statusChanged(PledgeStatusChanged event) {
        PledgeStatus next = event.pledge().status();
        audit.record(
                StatusChangeAudit.of(
                        event.action() == PledgeAction.UNDO_VERIFY
                                ? RegistryAuditActions.PLEDGE_VERIFICATION_UNDONE
                                : auditAction(next),
                        event.by(),
                        ReadingPledges.KIND,
                        event.pledge().id(),
                        event.from(),
                        next,
                        event.reason()));
    }

    private static String auditAction(PledgeStatus next) {
        return switch (next) {
            case VERIFIED -> RegistryAuditActions.PLEDGE_VERIFIED;
            case REJECTED -> RegistryAuditActions.PLEDGE_REJECTED;
            case WITHDRAWN -> RegistryAuditActions.PLEDGE_WITHDRAWN;
            case DONATED -> RegistryAuditActions.PLEDGE_DONATED;
            case PENDING ->
                    throw new IllegalStateException("only an undone verification leads to PENDING");
        };
    }
}
