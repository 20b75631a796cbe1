package org.ramsetu.platform.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ListQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Document metadata in PostgreSQL. */
public class DocumentRepository {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, owner_id, type, pledge_id, request_id, file_name, content_type, size_bytes, sha256,
            blob_key, status, review_note, reviewed_by, reviewed_at, created_at, version
            """;

    private final JdbcClient jdbc;

    public DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Document d) {
        jdbc.sql(
                        """
                        insert into document (id, owner_id, type, pledge_id, request_id, file_name,
                            content_type, size_bytes, sha256, blob_key, status, created_at)
                        values (:id, :owner, :type, :pledge, :request, :name, :ctype, :size,
                            :sha, :key, :status, :created)
                        """)
                .param("id", d.id())
                .param("owner", d.ownerId())
                .param("type", d.type().name())
                .param("pledge", d.pledgeId())
                .param("request", d.requestId())
                .param("name", d.fileName())
                .param("ctype", d.contentType())
                .param("size", d.sizeBytes())
                .param("sha", d.sha256())
                .param("key", d.blobKey())
                .param("status", d.status().name())
                .param("created", Timestamp.from(d.createdAt()))
                .update();
    }

    public Optional<Document> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from document where id = :id")
                .param("id", id)
                .query(DocumentRepository::map)
                .optional();
    }

    /**
     * Newest first, up to {@code limit} rows after the cursor (null for the first page); ask for
     * one row more than a page to know whether another follows.
     */
    public List<Document> ofOwner(UUID ownerId, Cursor before, int limit) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from document where owner_id = :owner"
                                + (before == null ? "" : " and (created_at, id) < (:at, :id)")
                                + " order by created_at desc, id desc limit :limit")
                .param("owner", ownerId)
                .param("at", before == null ? null : Timestamp.from(before.at()))
                .param("id", before == null ? null : before.id())
                .param("limit", limit)
                .query(DocumentRepository::map)
                .list();
    }

    /**
     * The coordinators' work queue: documents in a status, oldest first (first come, first served),
     * those whose file name or uploader's name or e-mail address contains {@code search} (lower
     * case; null for all); up to {@code limit} rows after the cursor.
     */
    public List<Document> inStatus(DocumentStatus status, String search, Cursor after, int limit) {
        ListQuery.Statement query = queueQuery(status, search, after, limit);
        return jdbc.sql(query.text()).params(query.params()).query(DocumentRepository::map).list();
    }

    /** How many documents in a status match {@code search}: the queue's "n of total". */
    public long count(DocumentStatus status, String search) {
        ListQuery.Statement query = queueCountQuery(status, search);
        return jdbc.sql(query.text()).params(query.params()).query(Long.class).single();
    }

    /** The query of {@link #inStatus}: from the status index, in {@code (created_at, id)} order. */
    public static ListQuery.Statement queueQuery(
            DocumentStatus status, @Nullable String search, @Nullable Cursor after, int limit) {
        Map<String, Object> params = queueParams(status, search);
        params.put("at", after == null ? null : Timestamp.from(after.at()));
        params.put("id", after == null ? null : after.id());
        params.put("limit", limit);
        return new ListQuery.Statement(
                "select "
                        + COLUMNS
                        + " from document where status = :status"
                        + (search == null ? "" : " and " + SEARCHED)
                        + (after == null ? "" : " and (created_at, id) > (:at, :id)")
                        + " order by created_at, id limit :limit",
                params);
    }

    /** The query of {@link #count}. */
    public static ListQuery.Statement queueCountQuery(
            DocumentStatus status, @Nullable String search) {
        return new ListQuery.Statement(
                "select count(*) from document where status = :status"
                        + (search == null ? "" : " and " + SEARCHED),
                queueParams(status, search));
    }

    /** The queue's status and search, the same for a page and its count. */
    private static Map<String, Object> queueParams(DocumentStatus status, @Nullable String search) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", status.name());
        params.put("search", search == null ? null : ListQuery.containing(search));
        return params;
    }

    /**
     * Moves a pending document to its review outcome.
     *
     * @return false when it is no longer pending (someone reviewed it first)
     */
    public boolean review(UUID id, DocumentStatus outcome, String note, UUID reviewer, Instant at) {
        return jdbc.sql(
                                """
                                update document set status = :status, review_note = :note,
                                    reviewed_by = :reviewer, reviewed_at = :at,
                                    version = version + 1
                                where id = :id and status = 'PENDING'
                                """)
                        .param("status", outcome.name())
                        .param("note", note)
                        .param("reviewer", reviewer)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Takes a review back: the document is {@code PENDING} again, its note and reviewer cleared.
     *
     * @param version the version the review wrote; the undo changes nothing once another change
     *     followed
     * @return false when the document changed meanwhile
     */
    public boolean undoReview(UUID id, long version) {
        return jdbc.sql(
                                """
                                update document set status = 'PENDING', review_note = null,
                                    reviewed_by = null, reviewed_at = null, version = version + 1
                                where id = :id and version = :version
                                    and status in ('VERIFIED', 'REJECTED')
                                """)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    // A part of the file name, or of the uploader's name or e-mail address through the accounts'
    // published view, whose trigram indexes find the uploaders (V231).
    private static final String SEARCHED =
            "(lower(file_name) like :search or owner_id in (select h.id from account_holder h"
                    + " where lower(h.full_name) like :search or h.email_key like :search))";

    private static Document map(ResultSet rs, int row) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Document(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                DocumentType.valueOf(rs.getString("type")),
                rs.getObject("pledge_id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("blob_key"),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getString("review_note"),
                rs.getTimestamp("created_at").toInstant(),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getObject("reviewed_by", UUID.class),
                rs.getLong("version"));
    }
}
