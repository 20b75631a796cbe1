package org.ramsetu.platform.documents;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A document's metadata as the API shows it (never where it is stored).
 *
 * @param fileName the name the server gives the download ({@code <type>-<id prefix>.<format>})
 * @param originalFileName the uploader's name, neutralised, for recognising the upload only
 * @param owner who uploaded it, in the coordinators' review queue (two files of one name are told
 *     apart by it); absent elsewhere
 */
public record DocumentView(
        UUID id,
        UUID ownerId,
        DocumentType type,
        @Nullable UUID pledgeId,
        @Nullable UUID requestId,
        String fileName,
        String originalFileName,
        String contentType,
        long sizeBytes,
        String sha256,
        DocumentStatus status,
        @Nullable String reviewNote,
        Instant createdAt,
        @Nullable Instant reviewedAt,
        long version,
        @Nullable DocumentOwner owner) {

    static DocumentView of(Document d) {
        return of(d, null);
    }

    static DocumentView of(Document d, @Nullable DocumentOwner owner) {
        return new DocumentView(
                d.id(),
                d.ownerId(),
                d.type(),
                d.pledgeId(),
                d.requestId(),
                d.servedFileName(),
                d.originalFileName(),
                d.contentType(),
                d.sizeBytes(),
                d.sha256(),
                d.status(),
                d.reviewNote(),
                d.createdAt(),
                d.reviewedAt(),
                d.version(),
                owner);
    }
}
