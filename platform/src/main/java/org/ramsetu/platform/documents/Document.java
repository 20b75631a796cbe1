package org.ramsetu.platform.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document's metadata; its bytes live in the blob store under {@code blobKey}.
 *
 * @param pledgeId the pledge it supports, or null
 * @param requestId the transplant request it supports, or null
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
        long version) {}
