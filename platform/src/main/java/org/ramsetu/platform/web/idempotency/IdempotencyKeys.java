package org.ramsetu.platform.web.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Remembered first responses, per account and key, in PostgreSQL. */
class IdempotencyKeys {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    /** Advisory lock class of idempotency keys (the first number of the two-number lock key). */
    private static final int LOCK_CLASS = 0x1DE70;

    /** Expired rows removed per request, so the table shrinks without a separate job. */
    private static final int PURGE_BATCH = 100;

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A remembered response and the hash of the request that produced it. */
    record Remembered(byte[] requestHash, StoredResponse response) {}

    /**
     * Holds the key until the transaction ends, so a concurrent repeat waits for the first answer
     * instead of doing the work a second time. Must run in a transaction.
     */
    void lock(int keyHash) {
        jdbc.sql("select pg_advisory_xact_lock(:class, :key)")
                .param("class", LOCK_CLASS)
                .param("key", keyHash)
                .query()
                .listOfRows();
    }

    /** The live (unexpired) response for the key, if any; an expired one is deleted. */
    Optional<Remembered> find(UUID accountId, String key, Instant now) {
        jdbc.sql(
                        "delete from idempotency_key where account_id = :a and idempotency_key = :k"
                                + " and expires_at <= :now")
                .param("a", accountId)
                .param("k", key)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql(
                        """
                        select request_hash, response_status, response_headers, response_body
                        from idempotency_key where account_id = :a and idempotency_key = :k
                        """)
                .param("a", accountId)
                .param("k", key)
                .query(
                        (rs, row) ->
                                new Remembered(
                                        rs.getBytes("request_hash"),
                                        new StoredResponse(
                                                rs.getInt("response_status"),
                                                JSON.readValue(
                                                        rs.getString("response_headers"), HEADERS),
                                                rs.getString("response_body"))))
                .optional();
    }

    void remember(
            UUID accountId,
            String key,
            byte[] requestHash,
            StoredResponse response,
            Instant now,
            Instant expiresAt) {
        jdbc.sql(
                        """
                        insert into idempotency_key (account_id, idempotency_key, request_hash,
                            response_status, response_headers, response_body, created_at,
                            expires_at)
                        values (:a, :k, :hash, :status, cast(:headers as jsonb), :body, :now,
                            :expires)
                        """)
                .param("a", accountId)
                .param("k", key)
                .param("hash", requestHash)
                .param("status", response.status())
                .param("headers", JSON.writeValueAsString(response.headers()))
                .param("body", response.body())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Deletes a batch of expired keys of any account; rows another request holds are skipped. */
    void purgeExpired(Instant now) {
        jdbc.sql(
                        """
                        delete from idempotency_key where (account_id, idempotency_key) in (
                            select account_id, idempotency_key from idempotency_key
                            where expires_at <= :now order by expires_at limit :batch
                            for update skip locked)
                        """)
                .param("now", Timestamp.from(now))
                .param("batch", PURGE_BATCH)
                .update();
    }
}
