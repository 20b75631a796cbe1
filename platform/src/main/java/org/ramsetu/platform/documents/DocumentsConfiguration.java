package org.ramsetu.platform.documents;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.ramsetu.infra.blob.BlobStore;
import org.ramsetu.infra.malware.ClamdScanner;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.registry.RecordOwners;
import org.ramsetu.platform.security.RecordAccess;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Documents: upload, listing, download, coordinator review. */
@Configuration(proxyBeanMethods = false)
public class DocumentsConfiguration {

    @Bean
    DocumentService documentService(
            JdbcClient jdbc,
            BlobStore blobs,
            RecordAccess access,
            AuditLog audit,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxFileSize,
            @Value("${ramsetu.documents.clamd:}") String clamd,
            @Value("${ramsetu.documents.clamd-timeout:30s}") Duration clamdTimeout) {
        return new DocumentService(
                new DocumentRepository(jdbc),
                new RecordOwners(jdbc),
                new Contacts(jdbc),
                blobs,
                access,
                audit,
                events,
                tx,
                clock,
                maxFileSize.toBytes(),
                clamd.isBlank()
                        ? Optional.empty()
                        : Optional.of(
                                new ClamdScanner(
                                        URI.create(clamd.strip()),
                                        Duration.ofSeconds(2),
                                        clamdTimeout)));
    }

    /**
     * Listens to {@link DocumentUploaded}, {@link DocumentReviewed} and {@link
     * DocumentReviewUndone}: their audit entries.
     */
    @Bean
    DocumentAudit documentAudit(AuditLog audit) {
        return new DocumentAudit(audit);
    }

    @Bean
    DocumentController documentController(
            DocumentService documents, IdempotentRequests idempotent) {
        return new DocumentController(documents, idempotent);
    }
}
