package org.ramsetu.platform.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.ramsetu.infra.blob.BlobContent;
import org.ramsetu.infra.crypto.Sha256;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.PageLimit;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Documents (docs/api.md "Documents") and the coordinators' review of them. */
@Tag(name = "Documents", description = "Supporting documents and their review")
@RestController
@RequestMapping("/api/v1")
public class DocumentController {

    private final DocumentService documents;
    private final IdempotentRequests idempotent;

    public DocumentController(DocumentService documents, IdempotentRequests idempotent) {
        this.documents = documents;
        this.idempotent = idempotent;
    }

    /** 201 with the stored document; {@code Idempotency-Key} makes a retried upload safe. */
    @Operation(operationId = "uploadDocument")
    @Created(
            value = "the stored document, PENDING review",
            location = "/api/v1/documents/{id}",
            body = DocumentView.class)
    @ApiResponse(
            responseCode = "404",
            description = "the pledge or listing named is not one of the uploader's")
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> upload(
            CurrentUser user,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
            @RequestPart("file") MultipartFile file,
            @RequestParam("type") DocumentType type,
            @RequestParam(value = "pledgeId", required = false) UUID pledgeId,
            @RequestParam(value = "requestId", required = false) UUID requestId) {
        return idempotent.execute(
                user.id(),
                key,
                "POST /api/v1/documents",
                key == null ? new byte[0] : identity(file, type, pledgeId, requestId),
                () -> {
                    Document stored =
                            documents.upload(user, type, pledgeId, requestId, uploaded(file));
                    return ResponseEntity.created(URI.create("/api/v1/documents/" + stored.id()))
                            .body(DocumentView.of(stored));
                });
    }

    /** What makes two uploads the same request: the form fields and the file's bytes. */
    private static byte[] identity(
            MultipartFile file, DocumentType type, UUID pledgeId, UUID requestId) {
        try (InputStream in = file.getInputStream()) {
            java.security.MessageDigest sha = Sha256.digest();
            sha.update(
                    (type + "|" + pledgeId + "|" + requestId + "|")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return sha.digest();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the upload", e);
        }
    }

    private static UploadedFile uploaded(MultipartFile file) {
        return new UploadedFile() {
            @Override
            public String originalName() {
                return file.getOriginalFilename();
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }

    @Operation(operationId = "listMyDocuments")
    @GetMapping("/documents")
    public Page<DocumentView> own(
            CurrentUser user,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return documents.own(user, PageRequest.of(limit, after)).map(DocumentView::of);
    }

    @Operation(operationId = "getDocument")
    @GetMapping("/documents/{id}")
    public DocumentView metadata(CurrentUser user, @PathVariable UUID id) {
        return DocumentView.of(documents.metadata(user, id));
    }

    @Operation(operationId = "downloadDocument")
    @ApiResponse(
            responseCode = "200",
            description = "the file as uploaded, as an attachment of its detected type",
            content = {
                @Content(
                        mediaType = "application/pdf",
                        schema = @Schema(types = "string", format = "binary")),
                @Content(
                        mediaType = "image/png",
                        schema = @Schema(types = "string", format = "binary")),
                @Content(
                        mediaType = "image/jpeg",
                        schema = @Schema(types = "string", format = "binary"))
            })
    @GetMapping("/documents/{id}/content")
    public ResponseEntity<StreamingResponseBody> content(CurrentUser user, @PathVariable UUID id) {
        Document document = documents.metadata(user, id);
        BlobContent content = documents.content(user, id);
        StreamingResponseBody body =
                out -> {
                    try (content) {
                        content.stream().transferTo(out);
                    }
                };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(document.sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.servedFileName())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .eTag("\"" + document.sha256() + "\"")
                .body(body);
    }

    /**
     * The coordinators' queue of documents to verify, oldest first, with who uploaded each and how
     * many wait.
     *
     * @param q a part of the file name, or of the uploader's name or e-mail address, any case
     */
    @Operation(operationId = "listDocumentsAwaitingReview")
    @GetMapping("/admin/documents")
    public Page<DocumentView> awaitingReview(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return documents.awaitingReview(q, PageRequest.of(limit, after));
    }

    @Operation(operationId = "verifyDocument")
    @PostMapping("/admin/documents/{id}/verify")
    public DocumentView verify(CurrentUser coordinator, @PathVariable UUID id) {
        return DocumentView.of(documents.review(coordinator, id, DocumentStatus.VERIFIED, null));
    }

    /**
     * {@code VERIFIED} or {@code REJECTED} → {@code PENDING}: the coordinator who reviewed the
     * document takes the review back within ten minutes ({@code 409 undo-not-yours}, {@code 409
     * undo-expired} otherwise).
     */
    @Operation(operationId = "undoDocumentReview")
    @PostMapping("/admin/documents/{id}/undo-review")
    public DocumentView undoReview(CurrentUser coordinator, @PathVariable UUID id) {
        return DocumentView.of(documents.undoReview(coordinator, id));
    }

    @Operation(operationId = "rejectDocument")
    @PostMapping("/admin/documents/{id}/reject")
    public DocumentView reject(
            CurrentUser coordinator, @PathVariable UUID id, @RequestBody Rejection body) {
        return DocumentView.of(
                documents.review(coordinator, id, DocumentStatus.REJECTED, body.reason()));
    }

    /** Why a document is refused, for the owner to fix it. */
    public record Rejection(
            @Schema(maxLength = DocumentService.MAX_REVIEW_NOTE, example = "the scan is unreadable")
                    String reason) {}
}
