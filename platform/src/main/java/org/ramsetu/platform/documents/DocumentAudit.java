package org.ramsetu.platform.documents;

import java.util.Map;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.springframework.context.event.EventListener;

/**
 * The audit trail of documents: an entry for each upload and each review, written in its
 * transaction (synchronous listeners). A refused upload (malware) is audited where it is refused.
 */
class DocumentAudit {

    private final AuditLog audit;

    DocumentAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void uploaded(DocumentUploaded event) {
        Document document = event.document();
        audit.record(
                AuditEntry.of(DocumentService.UPLOADED, AuditOutcome.SUCCESS)
                        .by(event.by().id(), event.by().role())
                        .on("document", document.id())
                        .with(Map.of("sha256", document.sha256(), "type", document.type())));
    }

    @EventListener
    void reviewed(DocumentReviewed event) {
        Document document = event.document();
        audit.record(
                AuditEntry.of(
                                document.status() == DocumentStatus.VERIFIED
                                        ? DocumentService.VERIFIED
                                        : DocumentService.REJECTED,
                                AuditOutcome.SUCCESS)
                        .by(event.by().id(), event.by().role())
                        .on("document", document.id()));
    }

    @EventListener
    void reviewUndone(DocumentReviewUndone event) {
        audit.record(
                AuditEntry.of(DocumentService.REVIEW_UNDONE, AuditOutcome.SUCCESS)
                        .by(event.by().id(), event.by().role())
                        .on("document", event.document().id())
                        .with(Map.of("undone", event.undone().status().name())));
    }
}
