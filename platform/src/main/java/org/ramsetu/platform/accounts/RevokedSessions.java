package org.ramsetu.platform.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.ramsetu.infra.schedule.WorkContext;
import org.ramsetu.platform.security.SessionRevocations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ended sessions, from {@code revoked_session}, which the database fills whenever a refresh-token
 * family is revoked (schema V200). One primary-key read per authenticated request, always on the
 * primary: a replica could still show a session that was just signed out.
 */
final class RevokedSessions implements SessionRevocations {

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

    @Override
    public boolean ended(UUID accountId, UUID sessionId, Instant issuedAt) {
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

    /** Recurring work {@code accounts.revoked-session-purge}: rows no token can need any more. */
    void purge(WorkContext context) {
        int deleted =
                jdbc.sql("delete from revoked_session where revoked_at < :before")
                        .param("before", Timestamp.from(clock.instant().minus(keep)))
                        .update();
        context.progress(deleted, deleted, deleted + " ended sessions older than " + keep);
    }
}
