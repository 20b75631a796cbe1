package org.ramsetu.platform.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document's metadata; its bytes live in the blob store under {@code blobKey}.
 *
 * @param pledgeId the pledge it supports, or null
 * @param requestId the transplant request it supports, or null
 * @param fileName the uploader's name for it, kept for display only
 */
public record Document(
        UUID id,
        UUID ownerId,
        DocumentType type,
        UUID pledgeId,
        UUID requestId,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String blobKey,
        DocumentStatus status,
        String reviewNote,
        Instant createdAt,
        Instant reviewedAt,
        UUID reviewedBy,
        long version) {

    /** The name a download is saved under, made by the server (never the uploader's). */
    public String servedFileName() {
        return DocumentFileName.served(type, id, contentType);
    }

    /** The uploader's name in its neutral form, also for documents stored before it was kept so. */
    public String originalFileName() {
        return DocumentFileName.original(fileName);
    }
}
