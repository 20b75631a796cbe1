package org.ramsetu.platform.web.idempotency;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ramsetu.infra.crypto.Sha256;
import org.ramsetu.platform.records.VersionedRecord;
import org.ramsetu.platform.web.ApiProblem;
import org.ramsetu.platform.web.VersionedResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours the {@code Idempotency-Key} header of a POST that creates something, so that a client may
 * retry after a timeout without creating the record twice.
 *
 * <p>The same key from the same account with the same request (operation and body) within the
 * lifetime (24 h) gets the first response again: status, body, {@code Location} and {@code ETag},
 * plus {@code Idempotent-Replayed: true}. The same key with a different request is refused with
 * 422. Without the header the request runs as usual.
 *
 * <p>The work, the remembered response and everything the work writes (audit, queued mail) commit
 * in one transaction, under a lock on the key: a concurrent repeat waits and then replays. A
 * refusal (an exception, e.g. 400 or 409) rolls everything back and is not remembered: it changed
 * nothing, and the same request may succeed once its cause is fixed.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration lifetime;

    public IdempotentRequests(
            JdbcClient jdbc,
            JsonMapper json,
            TransactionTemplate tx,
            Clock clock,
            Duration lifetime) {
        this.keys = new IdempotencyKeys(jdbc);
        this.json = json;
        this.tx = tx;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Runs {@code work} once per key; the request's identity is its operation and its JSON body.
     *
     * @param caller the account asking; keys are remembered per account
     * @param key the header value, or null when the client sent none
     * @param operation what is being asked, e.g. {@code POST /api/v1/pledges}
     * @param body the parsed request body (compared as JSON, so spacing does not matter)
     * @param work creates the record; runs in the transaction opened here
     * @throws ApiProblem 400 for a malformed key, 422 for a key reused with another request
     */
    public ResponseEntity<?> execute(
            UUID caller,
            String key,
            String operation,
            Object body,
            Supplier<? extends ResponseEntity<?>> work) {
        return execute(caller, key, operation, json.writeValueAsBytes(body), work);
    }

    /**
     * A keyed {@code POST} to {@code collection} that creates a versioned record: 201 with the
     * record, its {@code ETag} and its {@code Location}; a retry is answered the same.
     *
     * @param collection the path the record is created under, e.g. {@code /api/v1/pledges}; the
     *     operation the key is bound to is {@code POST} on it
     * @param create creates the record; runs in the transaction opened here
     * @throws ApiProblem 400 for a malformed key, 422 for a key reused with another request
     */
    public <V extends VersionedRecord> ResponseEntity<?> create(
            UUID caller, String key, String collection, Object body, Supplier<V> create) {
        return execute(
                caller,
                key,
                "POST " + collection,
                body,
                () -> VersionedResponses.created(collection, create.get()));
    }

    /**
     * The remembered answer to a retry, looked up before the work is prepared: a keyed run whose
     * record changed state since (the request matched, the pledge allocated) is still answered with
     * its first response instead of the refusal a new run would get. Empty without a key or when
     * the key is new; {@link #execute} then does the work (and looks again under the key's lock, so
     * a concurrent retry still replays).
     *
     * @throws ApiProblem 400 for a malformed key, 422 for a key reused with another request
     */
    public Optional<ResponseEntity<?>> replay(
            UUID caller, String key, String operation, Object body) {
        if (key == null) {
            return Optional.empty();
        }
        String checkedKey = checked(key);
        byte[] requestHash =
                sha256(operation.getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(body));
        return remembered(caller, checkedKey, requestHash, clock.instant());
    }

    /**
     * A POST whose work is prepared before the keyed transaction opens (a ranking run: scoring must
     * not hold a connection), answered 201 with the record and its {@code Location}. A retry is
     * answered from {@link #replay} before anything is prepared, since the listing may have changed
     * state since the first answer and preparing again would be refused. A concurrent retry that
     * wins the key answers the first record; this one's preparation is then dropped.
     *
     * @param prepare the work outside any transaction
     * @param record writes what was prepared; runs in the transaction opened here
     * @param location where the record is read, from the record
     * @throws ApiProblem 400 for a malformed key, 422 for a key reused with another request
     */
    public <P, V> ResponseEntity<?> createPrepared(
            UUID caller,
            String key,
            String operation,
            Object body,
            Supplier<P> prepare,
            Function<P, V> record,
            Function<V, String> location) {
        Optional<ResponseEntity<?>> replayed = replay(caller, key, operation, body);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        P prepared = prepare.get();
        return execute(
                caller,
                key,
                operation,
                body,
                () -> {
                    V created = record.apply(prepared);
                    return ResponseEntity.created(URI.create(location.apply(created)))
                            .body(created);
                });
    }

    /**
     * As {@link #execute(UUID, String, String, Object, Supplier)} for requests that are not JSON
     * (e.g. uploads): {@code request} is whatever identifies the request, such as the bytes of the
     * file and its form fields.
     */
    public ResponseEntity<?> execute(
            UUID caller,
            String key,
            String operation,
            byte[] request,
            Supplier<? extends ResponseEntity<?>> work) {
        if (key == null) {
            return tx.execute(status -> work.get());
        }
        String checkedKey = checked(key);
        byte[] requestHash = sha256(operation.getBytes(StandardCharsets.UTF_8), request);
        return tx.execute(
                status -> {
                    keys.lock(lockKey(caller, checkedKey));
                    Instant now = clock.instant();
                    Optional<ResponseEntity<?>> previous =
                            remembered(caller, checkedKey, requestHash, now);
                    if (previous.isPresent()) {
                        return previous.get();
                    }
                    StoredResponse response = stored(work.get());
                    keys.remember(
                            caller, checkedKey, requestHash, response, now, now.plus(lifetime));
                    keys.purgeExpired(now);
                    // The first answer is the stored text too, so a replay is identical to it.
                    return response.toResponse(false);
                });
    }

    /** The first answer under the key, replayed; a key reused with another request is a 422. */
    private Optional<ResponseEntity<?>> remembered(
            UUID caller, String key, byte[] requestHash, Instant now) {
        return keys.find(caller, key, now)
                .map(
                        previous -> {
                            if (!MessageDigest.isEqual(previous.requestHash(), requestHash)) {
                                throw IdempotencyProblem.reused(lifetime);
                            }
                            return previous.response().toResponse(true);
                        });
    }

    private StoredResponse stored(ResponseEntity<?> response) {
        Object body = response.getBody();
        String text =
                body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
        return StoredResponse.of(
                response.getStatusCode().value(),
                response.getHeaders(),
                text,
                MediaType.APPLICATION_JSON_VALUE);
    }

    private static String checked(String key) {
        if (key.isEmpty()
                || key.length() > MAX_KEY_LENGTH
                || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiProblem.invalidField(
                    HEADER,
                    "must be 1 to "
                            + MAX_KEY_LENGTH
                            + " visible ASCII characters without blanks, e.g. a random UUID");
        }
        return key;
    }

    private static int lockKey(UUID accountId, String key) {
        byte[] hash =
                sha256(
                        accountId.toString().getBytes(StandardCharsets.US_ASCII),
                        key.getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.wrap(hash).getInt();
    }

    private static byte[] sha256(byte[] first, byte[] second) {
        MessageDigest digest = Sha256.digest();
        digest.update(first);
        digest.update((byte) 0);
        digest.update(second);
        return digest.digest();
    }
}
