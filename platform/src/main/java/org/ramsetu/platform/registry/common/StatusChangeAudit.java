package org.ramsetu.platform.registry.common;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.security.CurrentUser;

/** The audit entry of a listing's status change, pledges and transplant requests alike. */
public final class StatusChangeAudit {

    private StatusChangeAudit() {}

    /**
     * {@code action} by {@code actor} on the {@code kind} record {@code id}, with the statuses it
     * left and reached and the reason given, if any.
     */
    public static AuditEntry of(
            String action,
            CurrentUser actor,
            String kind,
            UUID id,
            Enum<?> from,
            Enum<?> to,
            String reason) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("from", from.name());
        detail.put("to", to.name());
        if (reason != null) {
            detail.put("reason", reason);
        }
        return AuditEntry.of(action, AuditOutcome.SUCCESS)
                .by(actor.id(), actor.role())
                .on(kind, id)
                .with(detail);
    }
}
