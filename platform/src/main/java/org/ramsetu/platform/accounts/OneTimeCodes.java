package org.ramsetu.platform.accounts;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.security.TokenKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Six-digit codes e-mailed to prove an address (sign-up, password reset). Drawn from a
 * cryptographic random source, stored only as a keyed hash bound to the code's id, valid for 10
 * minutes and 5 tries; a new code voids the previous one of the same purpose. Callers run these
 * methods in a transaction that commits even when the check fails, so wrong tries are counted.
 */
public class OneTimeCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_TRIES = 5;

    private final JdbcClient jdbc;
    private final TokenKeys keys;
    private final Clock clock;
    private final Duration resendCooldown;
    private final SecureRandom random = new SecureRandom();

    public OneTimeCodes(JdbcClient jdbc, TokenKeys keys, Clock clock, Duration resendCooldown) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.resendCooldown = resendCooldown;
    }

    /** A code just created: its id (for idempotent mail) and the digits to send. */
    public record IssuedCode(UUID id, String digits) {}

    /**
     * How long the caller must wait before another code of this purpose may be sent; zero when one
     * may be sent now.
     */
    public Duration cooldownLeft(UUID accountId, CodePurpose purpose) {
        Optional<Timestamp> last =
                jdbc.sql(
                                "select max(created_at) from one_time_code where account_id = :a"
                                        + " and purpose = :p")
                        .param("a", accountId)
                        .param("p", purpose.name())
                        .query(Timestamp.class)
                        .optional();
        if (last.isEmpty() || last.get() == null) {
            return Duration.ZERO;
        }
        Duration since = Duration.between(last.get().toInstant(), clock.instant());
        return since.compareTo(resendCooldown) >= 0 ? Duration.ZERO : resendCooldown.minus(since);
    }

    public IssuedCode issue(UUID accountId, CodePurpose purpose) {
        Instant now = clock.instant();
        jdbc.sql(
                        "update one_time_code set voided_at = :now where account_id = :a and"
                                + " purpose = :p and used_at is null and voided_at is null")
                .param("now", Timestamp.from(now))
                .param("a", accountId)
                .param("p", purpose.name())
                .update();
        UUID id = UUID.randomUUID();
        String digits = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql(
                        """
                        insert into one_time_code (id, account_id, purpose, code_hash, created_at,
                            expires_at)
                        values (:id, :a, :p, :hash, :now, :expires)
                        """)
                .param("id", id)
                .param("a", accountId)
                .param("p", purpose.name())
                .param("hash", hash(id, digits))
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(VALIDITY)))
                .update();
        return new IssuedCode(id, digits);
    }

    /**
     * The newest code of this purpose, used or not: the key of the per-code rate limit, which must
     * keep counting after the code was voided.
     */
    public Optional<UUID> latestCodeId(UUID accountId, CodePurpose purpose) {
        return jdbc.sql(
                        "select id from one_time_code where account_id = :a and purpose = :p"
                                + " order by created_at desc limit 1")
                .param("a", accountId)
                .param("p", purpose.name())
                .query(UUID.class)
                .optional();
    }

    /**
     * Checks the digits against the newest unused code, counting a wrong try. Locks the code row,
     * so that parallel guesses cannot share one count.
     */
    public CodeCheck check(UUID accountId, CodePurpose purpose, String digits) {
        Optional<ActiveCode> found =
                jdbc.sql(
                                """
                                select id, code_hash, expires_at, failed_attempts
                                from one_time_code
                                where account_id = :a and purpose = :p and used_at is null
                                  and voided_at is null
                                order by created_at desc limit 1
                                for update
                                """)
                        .param("a", accountId)
                        .param("p", purpose.name())
                        .query(
                                (rs, row) ->
                                        new ActiveCode(
                                                rs.getObject("id", UUID.class),
                                                rs.getBytes("code_hash"),
                                                rs.getTimestamp("expires_at").toInstant(),
                                                rs.getInt("failed_attempts")))
                        .optional();
        if (found.isEmpty()) {
            return new CodeCheck.NoActiveCode();
        }
        ActiveCode code = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(code.expiresAt())) {
            return new CodeCheck.Expired();
        }
        if (MessageDigest.isEqual(code.hash(), hash(code.id(), digits))) {
            jdbc.sql("update one_time_code set used_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", code.id())
                    .update();
            return new CodeCheck.Accepted();
        }
        int failures = code.failedAttempts() + 1;
        boolean voided = failures >= MAX_TRIES;
        jdbc.sql(
                        "update one_time_code set failed_attempts = :f, voided_at = :voided where"
                                + " id = :id")
                .param("f", failures)
                .param("voided", voided ? Timestamp.from(now) : null)
                .param("id", code.id())
                .update();
        return voided ? new CodeCheck.Voided() : new CodeCheck.Wrong(MAX_TRIES - failures);
    }

    private byte[] hash(UUID codeId, String digits) {
        return keys.codeHash(codeId + ":" + digits);
    }

    private record ActiveCode(UUID id, byte[] hash, Instant expiresAt, int failedAttempts) {}
}
