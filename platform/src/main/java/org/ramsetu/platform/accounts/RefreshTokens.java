package org.ramsetu.platform.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.ramsetu.infra.crypto.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opaque, rotating refresh tokens: 256 random bits, stored as SHA-256 only. Each refresh returns a
 * new token of the same family and retires the old one; if a retired token comes back, someone
 * holds a copy, so the whole family is revoked (the thief and the owner both sign in again).
 */
public class RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration familyLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Consumer<UUID> sessionsEnded;

    /**
     * @param lifetime how long one token stays usable (each refresh starts a new one)
     * @param familyLifetime how long a login lasts at most, however often it is refreshed
     */
    public RefreshTokens(JdbcClient jdbc, Clock clock, Duration lifetime, Duration familyLifetime) {
        this(jdbc, clock, lifetime, familyLifetime, account -> {});
    }

    /**
     * @param sessionsEnded told, once the revoking transaction has committed, of each account some
     *     of whose logins were revoked here (so this instance stops their access tokens without
     *     waiting for the database's notification)
     */
    public RefreshTokens(
            JdbcClient jdbc,
            Clock clock,
            Duration lifetime,
            Duration familyLifetime,
            Consumer<UUID> sessionsEnded) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
        this.familyLifetime = familyLifetime;
        this.sessionsEnded = sessionsEnded;
    }

    /** What presenting a refresh token led to. */
    public sealed interface Rotation {
        /**
         * @param secondFactorAt when the login's second factor was last checked, if it had one
         */
        record Rotated(
                UUID accountId, UUID familyId, String newToken, Optional<Instant> secondFactorAt)
                implements Rotation {}

        /** An already rotated token: its family is revoked now. */
        record Reused(UUID accountId, UUID familyId) implements Rotation {}

        /** Unknown, expired or revoked. */
        record Invalid() implements Rotation {}
    }

    /** A login's first refresh token and the family (session) it starts. */
    public record Started(UUID familyId, String token) {}

    /** The first token of a new family (a login). */
    public Started startFamily(UUID accountId) {
        return startFamily(accountId, Optional.empty());
    }

    /**
     * @param secondFactorAt when the login's second factor was checked, if it had one; every token
     *     of the family carries it on
     */
    public Started startFamily(UUID accountId, Optional<Instant> secondFactorAt) {
        UUID family = UUID.randomUUID();
        return new Started(family, insert(accountId, family, secondFactorAt));
    }

    /**
     * Records a second factor checked again during the login {@code familyId} of {@code accountId}
     * (a step-up); true when the login is open.
     */
    public boolean secondFactorChecked(UUID accountId, UUID familyId, Instant at) {
        return jdbc.sql(
                                "update refresh_token set second_factor_at = :at where family_id ="
                                        + " :f and account_id = :a and revoked_at is null")
                        .param("at", Timestamp.from(at))
                        .param("f", familyId)
                        .param("a", accountId)
                        .update()
                > 0;
    }

    /** Must run in a transaction; the row is locked so one token rotates once. */
    public Rotation rotate(String token) {
        Optional<Row> found = findForUpdate(token);
        if (found.isEmpty()) {
            return new Rotation.Invalid();
        }
        Row row = found.get();
        Instant now = clock.instant();
        if (row.revoked()) {
            return new Rotation.Invalid();
        }
        if (row.rotated()) {
            revokeFamily(row.familyId());
            ended(row.accountId());
            return new Rotation.Reused(row.accountId(), row.familyId());
        }
        if (!now.isBefore(row.expiresAt())
                || !now.isBefore(familyStart(row).plus(familyLifetime))) {
            return new Rotation.Invalid();
        }
        jdbc.sql("update refresh_token set rotated_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", row.id())
                .update();
        return new Rotation.Rotated(
                row.accountId(),
                row.familyId(),
                insert(row.accountId(), row.familyId(), row.secondFactorAt()),
                row.secondFactorAt());
    }

    /** Ends the login the token belongs to; unknown tokens are ignored (logout is idempotent). */
    public Optional<UUID> revokeFamilyOf(String token) {
        Optional<Row> found = findForUpdate(token);
        found.ifPresent(
                row -> {
                    revokeFamily(row.familyId());
                    ended(row.accountId());
                });
        return found.map(Row::accountId);
    }

    /**
     * Ends the login of an access token's {@code sid}, if it is the account's (a logout that sent
     * the access token); true when it was still open.
     */
    public boolean revokeFamily(UUID accountId, UUID familyId) {
        boolean revoked =
                jdbc.sql(
                                        "update refresh_token set revoked_at = :now where"
                                                + " family_id = :f and account_id = :a and"
                                                + " revoked_at is null")
                                .param("now", Timestamp.from(clock.instant()))
                                .param("f", familyId)
                                .param("a", accountId)
                                .update()
                        > 0;
        if (revoked) {
            ended(accountId);
        }
        return revoked;
    }

    /** Ends every login of the account (after a password reset, or by a coordinator). */
    public int revokeAll(UUID accountId) {
        int revoked =
                jdbc.sql(
                                "update refresh_token set revoked_at = :now where account_id = :a"
                                        + " and revoked_at is null")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("a", accountId)
                        .update();
        if (revoked > 0) {
            ended(accountId);
        }
        return revoked;
    }

    private void ended(UUID accountId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            sessionsEnded.accept(accountId);
                        }
                    });
        } else {
            sessionsEnded.accept(accountId);
        }
    }

    private java.time.Instant familyStart(Row row) {
        return jdbc.sql("select min(issued_at) from refresh_token where family_id = :f")
                .param("f", row.familyId())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private void revokeFamily(UUID familyId) {
        jdbc.sql(
                        "update refresh_token set revoked_at = :now where family_id = :f and"
                                + " revoked_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("f", familyId)
                .update();
    }

    private String insert(UUID accountId, UUID familyId, Optional<Instant> secondFactorAt) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql(
                        """
                        insert into refresh_token (id, family_id, account_id, token_hash,
                            issued_at, expires_at, second_factor_at)
                        values (:id, :family, :account, :hash, :now, :expires, :secondFactor)
                        """)
                .param("id", UUID.randomUUID())
                .param("family", familyId)
                .param("account", accountId)
                .param("hash", sha256(token))
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime)))
                .param(
                        "secondFactor",
                        secondFactorAt.map(Timestamp::from).orElse(null),
                        Types.TIMESTAMP)
                .update();
        return token;
    }

    private Optional<Row> findForUpdate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql(
                        """
                        select id, family_id, account_id, expires_at, rotated_at, revoked_at,
                            second_factor_at
                        from refresh_token where token_hash = :hash for update
                        """)
                .param("hash", sha256(token))
                .query(
                        (rs, n) ->
                                new Row(
                                        rs.getObject("id", UUID.class),
                                        rs.getObject("family_id", UUID.class),
                                        rs.getObject("account_id", UUID.class),
                                        rs.getTimestamp("expires_at").toInstant(),
                                        rs.getTimestamp("rotated_at") != null,
                                        rs.getTimestamp("revoked_at") != null,
                                        Optional.ofNullable(rs.getTimestamp("second_factor_at"))
                                                .map(Timestamp::toInstant)))
                .optional();
    }

    private static byte[] sha256(String token) {
        return Sha256.of(token.getBytes(StandardCharsets.US_ASCII));
    }

    private record Row(
            UUID id,
            UUID familyId,
            UUID accountId,
            Instant expiresAt,
            boolean rotated,
            boolean revoked,
            Optional<Instant> secondFactorAt) {}
}
