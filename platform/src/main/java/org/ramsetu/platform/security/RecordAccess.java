package org.ramsetu.platform.security;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;

/**
 * Object-level authorization, the one place every feature asks "may this caller see or change this
 * record?". Owners read and change their own records; coordinators read every record, and each
 * coordinator read of medical data is audited. Anyone else gets 404, exactly as for an id that does
 * not exist, so ids cannot be probed.
 */
public class RecordAccess {

    /** Whether reading the record shows medical data (audited when a coordinator reads it). */
    public enum Sensitivity {
        MEDICAL,
        ORDINARY
    }

    private final AuditLog audit;

    public RecordAccess(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * @param kind the record kind for messages and the audit log, e.g. {@code pledge}
     * @param owner the account id that owns a record
     * @throws DomainException NotFound when there is no such record or the caller may not read it
     */
    public <T> T read(
            CurrentUser user,
            String kind,
            Object id,
            Optional<T> record,
            Function<T, UUID> owner,
            Sensitivity sensitivity) {
        T found = record.orElseThrow(() -> new NotFound(kind, id));
        if (user.owns(owner.apply(found))) {
            return found;
        }
        if (user.isCoordinator()) {
            if (sensitivity == Sensitivity.MEDICAL) {
                audit.record(
                        AuditEntry.of(AuditActions.MEDICAL_RECORD_READ, AuditOutcome.SUCCESS)
                                .by(user.id(), user.role())
                                .on(kind, id));
            }
            return found;
        }
        throw new NotFound(kind, id);
    }

    /**
     * Changes by the owner only; coordinators act through their own endpoints, which check their
     * role instead.
     *
     * @throws DomainException NotFound when there is no such record or the caller does not own it
     */
    public <T> T change(
            CurrentUser user, String kind, Object id, Optional<T> record, Function<T, UUID> owner) {
        T found = record.orElseThrow(() -> new NotFound(kind, id));
        if (!user.owns(owner.apply(found))) {
            throw new NotFound(kind, id);
        }
        return found;
    }
}
