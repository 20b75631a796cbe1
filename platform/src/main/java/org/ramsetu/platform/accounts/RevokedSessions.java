package org.ramsetu.platform.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ramsetu.infra.schedule.WorkContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ended sessions, from {@code revoked_session}, which the database fills whenever a refresh-token
 * family is revoked (schema V200). Read on the primary only: a replica could still show a session
 * that was just signed out. {@link RevocationCache} answers from memory while it can and asks this
 * otherwise.
 */
final class RevokedSessions {

    /** One ended session. */
    record Ended(UUID familyId, UUID accountId, Instant revokedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    /**
     * @param keep how long a row is kept: longer than any access token lives, after which the
     *     expiry refuses the token anyway
     */
    RevokedSessions(JdbcClient jdbc, Clock clock, Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    /** As {@link org.ramsetu.platform.security.SessionRevocations#ended}, by query. */
    boolean ended(UUID accountId, UUID sessionId, Instant issuedAt) {
        if (sessionId != null) {
            return jdbc.sql(
                            "select exists (select 1 from revoked_session where family_id = :s"
                                    + " and account_id = :a)")
                    .param("s", sessionId)
                    .param("a", accountId)
                    .query(Boolean.class)
                    .single();
        }
        // Tokens from the release before sessions were named. iat has whole seconds, so a session
        // revoked in the second the token was issued counts as after it.
        return jdbc.sql(
                        "select exists (select 1 from revoked_session where account_id = :a"
                                + " and revoked_at >= :issued)")
                .param("a", accountId)
                .param("issued", Timestamp.from(issuedAt))
                .query(Boolean.class)
                .single();
    }

    /** Every ended session still kept. */
    List<Ended> all() {
        return jdbc.sql("select family_id, account_id, revoked_at from revoked_session")
                .query(RevokedSessions::ended)
                .list();
    }

    /** The account's ended sessions. */
    List<Ended> ofAccount(UUID accountId) {
        return jdbc.sql(
                        "select family_id, account_id, revoked_at from revoked_session"
                                + " where account_id = :a")
                .param("a", accountId)
                .query(RevokedSessions::ended)
                .list();
    }

    private static Ended ended(ResultSet rs, int row) throws SQLException {
        return new Ended(
                rs.getObject("family_id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getTimestamp("revoked_at").toInstant());
    }

    /** Recurring work {@code accounts.revoked-session-purge}: rows no token can need any more. */
    void purge(WorkContext context) {
        int deleted =
                jdbc.sql("delete from revoked_session where revoked_at < :before")
                        .param("before", Timestamp.from(clock.instant().minus(keep)))
                        .update();
        context.progress(deleted, deleted, deleted + " ended sessions older than " + keep);
    }
}
