package org.ramsetu.platform.audit;

import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.identity.Role;

/**
 * One security event or coordinator action to append to the audit log.
 *
 * @param actorId who did it; null for an anonymous caller (e.g. a failed login)
 * @param action what happened, e.g. {@code LOGIN_FAILED}; see {@link AuditActions}
 * @param targetType the kind of record acted on, e.g. {@code account}, {@code pledge}
 * @param detail small facts worth keeping (never secrets, codes, tokens or passwords)
 */
public record AuditEntry(
        UUID actorId,
        Role actorRole,
        String action,
        AuditOutcome outcome,
        String targetType,
        String targetId,
        Map<String, ?> detail) {

    public AuditEntry {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static AuditEntry of(String action, AuditOutcome outcome) {
        return new AuditEntry(null, null, action, outcome, null, null, Map.of());
    }

    public AuditEntry by(UUID id, Role role) {
        return new AuditEntry(id, role, action, outcome, targetType, targetId, detail);
    }

    public AuditEntry on(String type, Object id) {
        return new AuditEntry(
                actorId, actorRole, action, outcome, type, String.valueOf(id), detail);
    }

    public AuditEntry with(Map<String, ?> facts) {
        return new AuditEntry(actorId, actorRole, action, outcome, targetType, targetId, facts);
    }
}
