package org.ramsetu.platform.registry.requests;

import java.util.HashMap;
import java.util.Map;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.registry.RegistryAuditActions;
import org.ramsetu.platform.registry.common.StatusChangeAudit;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.context.event.EventListener;

/**
 * The audit trail of transplant requests: an entry for each listing and for each change of its
 * status, written in the transaction of the change (synchronous listeners).
 */
public class RequestAudit {

    private final AuditLog audit;

    public RequestAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void listed(PatientListed event) {
        TransplantRequest request = event.request();
        audit.record(
                AuditEntry.of(RegistryAuditActions.TRANSPLANT_REQUEST_LISTED, AuditOutcome.SUCCESS)
                        .by(event.by().id(), event.by().role())
                        .on(ReadingTransplantRequests.KIND, request.id())
                        .with(
                                Map.of(
                                        "organ",
                                        request.organ().name(),
                                        "urgency",
                                        request.urgency())));
    }

    @EventListener
    void statusChanged(RequestStatusChanged event) {
        RequestStatus next = event.request().status();
        if (next == RequestStatus.WAITING) {
            verified(event);
            return;
        }
        audit.record(
                StatusChangeAudit.of(
                        auditAction(next),
                        event.by(),
                        ReadingTransplantRequests.KIND,
                        event.request().id(),
                        event.from(),
                        next,
                        event.reason()));
    }

    @EventListener
    void clinicalValuesChanged(ClinicalValuesChanged event) {
        record(
                RegistryAuditActions.TRANSPLANT_REQUEST_CLINICAL_VALUES_CHANGED,
                event.by(),
                event.request(),
                event.from(),
                Map.of("fields", event.changed()));
    }

    /** The urgency the centre set, its evidence and the centre, beside the change of status. */
    private void verified(RequestStatusChanged event) {
        TransplantRequest request = event.request();
        record(
                RegistryAuditActions.TRANSPLANT_REQUEST_VERIFIED,
                event.by(),
                request,
                event.from(),
                Map.of(
                        "urgency",
                        request.urgency(),
                        "evidence",
                        request.verification().evidence(),
                        "centre",
                        request.centreId().toString()));
    }

    /** A change of the request from {@code from} to its status now, with what else it says. */
    private void record(
            String action,
            CurrentUser by,
            TransplantRequest request,
            RequestStatus from,
            Map<String, Object> detail) {
        Map<String, Object> all = new HashMap<>(detail);
        all.put("from", from.name());
        all.put("to", request.status().name());
        audit.record(
                AuditEntry.of(action, AuditOutcome.SUCCESS)
                        .by(by.id(), by.role())
                        .on(ReadingTransplantRequests.KIND, request.id())
                        .with(all));
    }

    private static String auditAction(RequestStatus next) {
        return switch (next) {
            case MATCHED -> RegistryAuditActions.TRANSPLANT_REQUEST_MATCHED;
            case TRANSPLANTED -> RegistryAuditActions.TRANSPLANT_REQUEST_TRANSPLANTED;
            case REMOVED -> RegistryAuditActions.TRANSPLANT_REQUEST_REMOVED;
            case PENDING_VERIFICATION, WAITING ->
                    throw new IllegalStateException("no status change is audited as " + next);
        };
    }
}
