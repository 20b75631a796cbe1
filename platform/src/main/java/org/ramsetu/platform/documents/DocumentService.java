package org.ramsetu.platform.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.blob.BlobContent;
import org.ramsetu.infra.blob.BlobKey;
import org.ramsetu.infra.blob.BlobStore;
import org.ramsetu.infra.blob.StoredBlob;
import org.ramsetu.infra.malware.MalwareScanner;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.accounts.Contacts.Contact;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.kernel.UnacceptableContent;
import org.ramsetu.platform.kernel.Unavailable;
import org.ramsetu.platform.kernel.UndoWindow;
import org.ramsetu.platform.kernel.VisibleText;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.RecordOwners;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents of donors and patients (ID, consent, reports): stored through the blob-store port with
 * their SHA-256, metadata in PostgreSQL, readable by the owner and by coordinators (audited).
 */
public class DocumentService {

    static final String UPLOADED = "DOCUMENT_UPLOADED";
    static final String VERIFIED = "DOCUMENT_VERIFIED";
    static final String REJECTED = "DOCUMENT_REJECTED";
    static final String REVIEW_UNDONE = "DOCUMENT_REVIEW_UNDONE";
    static final String MALWARE_FOUND = "DOCUMENT_MALWARE_FOUND";

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    /** The column's length ({@code document.review_note}). */
    static final int MAX_REVIEW_NOTE = 1000;

    private final DocumentRepository documents;
    private final RecordOwners owners;
    private final Contacts contacts;
    private final BlobStore blobs;
    private final RecordAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxBytes;
    private final Optional<MalwareScanner> scanner;

    /**
     * @param scanner scans each upload before it is stored, if configured
     */
    public DocumentService(
            DocumentRepository documents,
            RecordOwners owners,
            Contacts contacts,
            BlobStore blobs,
            RecordAccess access,
            AuditLog audit,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            long maxBytes,
            Optional<MalwareScanner> scanner) {
        this.documents = documents;
        this.owners = owners;
        this.contacts = contacts;
        this.blobs = blobs;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.scanner = scanner;
    }

    /**
     * @throws DomainException InvalidInput for an empty file or two links, NotFound for a pledge or
     *     request that is not the caller's, UnacceptableContent above the size limit,
     *     UnacceptableContent for anything but PDF, JPEG or PNG, and for a file that does not parse
     *     as its format or carries active content (DocumentInspection)
     */
    public Document upload(
            CurrentUser user, DocumentType type, UUID pledgeId, UUID requestId, UploadedFile file) {
        if (user.role() == Role.ADMIN) {
            throw new Forbidden(
                    "coordinator-upload",
                    "documents are uploaded by the donor or patient they belong to");
        }
        if (pledgeId != null && requestId != null) {
            throw InvalidInput.field(
                    "requestId", "a document supports a pledge or a request, not both");
        }
        checkLink(
                user,
                "pledge",
                pledgeId,
                id -> owners.donorOfPledge(new PledgeId(id)).map(AccountId::value));
        checkLink(
                user,
                "transplant request",
                requestId,
                id -> owners.patientOfRequest(new RequestId(id)).map(AccountId::value));
        if (file.size() == 0) {
            throw InvalidInput.field("file", "is empty");
        }
        if (file.size() > maxBytes) {
            throw new UnacceptableContent(
                    UnacceptableContent.Reason.TOO_LARGE,
                    "the file has "
                            + file.size()
                            + " bytes; documents may have at most "
                            + maxBytes);
        }
        UUID id = UUID.randomUUID();
        BlobKey key = BlobKey.of("documents/" + user.id() + "/" + id);
        scanForMalware(user, file);
        StoredBlob stored = store(key, file);
        Document document =
                new Document(
                        id,
                        user.id(),
                        type,
                        pledgeId,
                        requestId,
                        DocumentFileName.original(file.originalName()),
                        stored.contentType(),
                        stored.length(),
                        stored.sha256(),
                        key.value(),
                        DocumentStatus.PENDING,
                        null,
                        clock.instant(),
                        null,
                        null,
                        0);
        try {
            tx.executeWithoutResult(
                    s -> {
                        documents.insert(document);
                        events.publishEvent(new DocumentUploaded(document, user));
                    });
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
        return document;
    }

    public Page<Document> own(CurrentUser user, PageRequest page) {
        return Page.of(
                documents.ofOwner(user.id(), page.after(), page.limit() + 1),
                page.limit(),
                DocumentService::cursorOf);
    }

    public Document metadata(CurrentUser user, UUID id) {
        return access.read(
                user,
                "document",
                id,
                documents.find(id),
                Document::ownerId,
                RecordAccess.Sensitivity.ORDINARY);
    }

    /** The bytes, for the owner or a coordinator (whose read is audited as medical). */
    public BlobContent content(CurrentUser user, UUID id) {
        Document document =
                access.read(
                        user,
                        "document",
                        id,
                        documents.find(id),
                        Document::ownerId,
                        RecordAccess.Sensitivity.MEDICAL);
        return blobs.get(BlobKey.of(document.blobKey()))
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "document " + id + " has metadata but no stored bytes"));
    }

    /** The longest search text: more than any file name part or name a coordinator types. */
    static final int MAX_SEARCH = 100;

    /**
     * The review queue, oldest first, with who uploaded each document and how many wait.
     *
     * @param search a part of the file name, or of the uploader's name or e-mail address, any case;
     *     null or blank for every document waiting
     * @throws DomainException InvalidInput naming {@code q} for a text over {@link #MAX_SEARCH}
     *     characters or on several lines
     */
    public Page<DocumentView> awaitingReview(String search, PageRequest page) {
        String line = Fields.optionalLine("q", search, MAX_SEARCH);
        String text = line == null ? null : line.toLowerCase(Locale.ROOT);
        Page<Document> waiting =
                Page.of(
                        documents.inStatus(
                                DocumentStatus.PENDING, text, page.after(), page.limit() + 1),
                        page.limit(),
                        DocumentService::cursorOf);
        Map<AccountId, Contact> owners =
                contacts.of(waiting.items().stream().map(d -> new AccountId(d.ownerId())).toList());
        return waiting.map(
                        d -> {
                            Contact owner = owners.get(new AccountId(d.ownerId()));
                            return DocumentView.of(
                                    d, owner == null ? null : DocumentOwner.of(owner));
                        })
                .withTotal(documents.count(DocumentStatus.PENDING, text));
    }

    private static Cursor cursorOf(Document document) {
        return new Cursor(document.createdAt(), document.id());
    }

    /**
     * @throws DomainException NotFound for an unknown document, Conflict when it was reviewed
     *     already
     */
    public Document review(CurrentUser coordinator, UUID id, DocumentStatus outcome, String note) {
        String reason = reviewNote(outcome, note);
        return tx.execute(
                s -> {
                    Document current =
                            documents.find(id).orElseThrow(() -> new NotFound("document", id));
                    if (!documents.review(id, outcome, reason, coordinator.id(), clock.instant())) {
                        throw new Conflict(
                                "illegal-transition",
                                "the document is "
                                        + current.status()
                                        + " already; only PENDING documents are reviewed");
                    }
                    Document reviewed = documents.find(id).orElseThrow();
                    events.publishEvent(new DocumentReviewed(reviewed, coordinator));
                    return reviewed;
                });
    }

    /**
     * The coordinator who reviewed a document takes the review back within {@link
     * UndoWindow#LENGTH}: it is {@code PENDING} in the queue again (the wrong one of two files with
     * the same name was verified, say).
     *
     * @throws DomainException NotFound for an unknown document; Conflict when it is not reviewed
     *     ({@code illegal-transition}), was reviewed by someone else or too long ago, or changed
     *     meanwhile
     */
    public Document undoReview(CurrentUser coordinator, UUID id) {
        coordinator.requireCoordinator("undo a document review");
        return tx.execute(
                s -> {
                    Document current =
                            documents.find(id).orElseThrow(() -> new NotFound("document", id));
                    if (current.status() == DocumentStatus.PENDING) {
                        throw new Conflict(
                                "illegal-transition",
                                "the document is PENDING; there is no review to undo");
                    }
                    UndoWindow.check(
                            "review",
                            current.reviewedBy(),
                            current.reviewedAt(),
                            coordinator.id(),
                            clock.instant());
                    if (!documents.undoReview(id, current.version())) {
                        throw new Conflict(
                                "conflict", "the document changed meanwhile; read it again");
                    }
                    Document pending = documents.find(id).orElseThrow();
                    events.publishEvent(new DocumentReviewUndone(pending, current, coordinator));
                    return pending;
                });
    }

    /** The reason given with a review: required to reject, what the column holds, visible. */
    private static String reviewNote(DocumentStatus outcome, String note) {
        if (note == null || note.isBlank()) {
            if (outcome == DocumentStatus.REJECTED) {
                throw InvalidInput.field("reason", "is required to reject a document");
            }
            return null;
        }
        String reason = VisibleText.normalized(note.strip());
        if (reason.length() > MAX_REVIEW_NOTE) {
            throw InvalidInput.field(
                    "reason", "must be at most " + MAX_REVIEW_NOTE + " characters");
        }
        if (VisibleText.firstInvisibleInLines(reason) >= 0) {
            throw InvalidInput.field(
                    "reason", "must not contain control or other invisible characters");
        }
        return reason;
    }

    /**
     * Recognises the format by the first bytes, reads the whole file as that format (refusing
     * damaged files and active content), and only then stores it.
     */
    private StoredBlob store(BlobKey key, UploadedFile file) {
        try {
            DocumentFormat format = formatOf(file);
            try (InputStream whole = file.open()) {
                DocumentInspection.inspect(format, whole);
            }
            try (InputStream again = file.open()) {
                return blobs.put(key, again, file.size(), format.contentType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }

    /**
     * With a scanner configured, a file it finds malware in is refused (and the attempt audited),
     * and a scanner that gives no verdict refuses the upload for now: an unscanned file is never
     * stored.
     */
    private void scanForMalware(CurrentUser user, UploadedFile file) {
        if (scanner.isEmpty()) {
            return;
        }
        MalwareScanner.Verdict verdict;
        try (InputStream in = file.open()) {
            verdict = scanner.get().scan(in);
        } catch (IOException e) {
            log.warn("Malware scan failed ({}): upload refused for now", scanner.get(), e);
            throw new Unavailable(
                    "malware-scan-unavailable",
                    "Malware scan unavailable",
                    "uploads are scanned for malware and the scanner did not answer; nothing was"
                            + " stored, try again in a minute",
                    Duration.ofSeconds(60));
        }
        if (verdict instanceof MalwareScanner.Verdict.Infected infected) {
            audit.record(
                    AuditEntry.of(MALWARE_FOUND, AuditOutcome.DENIED)
                            .by(user.id(), user.role())
                            .with(Map.of("signature", infected.signature())));
            throw new UnacceptableContent(
                    UnacceptableContent.Reason.UNSAFE_CONTENT,
                    "the malware scanner found "
                            + infected.signature()
                            + " in the file; it was not stored");
        }
    }

    private static DocumentFormat formatOf(UploadedFile file) throws IOException {
        try (InputStream in = file.open()) {
            byte[] head = in.readNBytes(DocumentFormat.SNIFF_BYTES);
            return DocumentFormat.sniff(head, head.length)
                    .orElseThrow(
                            () ->
                                    new UnacceptableContent(
                                            UnacceptableContent.Reason.UNSUPPORTED_TYPE,
                                            "only PDF, JPEG and PNG files are accepted"
                                                    + " (recognised by their content, not"
                                                    + " their name)"));
        }
    }

    private static void checkLink(
            CurrentUser user,
            String kind,
            UUID id,
            java.util.function.Function<UUID, Optional<UUID>> ownerOf) {
        if (id != null && !ownerOf.apply(id).filter(user::owns).isPresent()) {
            throw new NotFound(kind, id);
        }
    }
}
