package org.ramsetu.platform.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Authenticator secrets an operator provides instead of the coordinator's first sign-in (an
 * unattended installation's bootstrap coordinator, whose secret lives in the secrets store).
 */
public class ProvisionedSecondFactors {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public ProvisionedSecondFactors(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Enrols {@code base32Secret} as the account's confirmed authenticator, unless it has a
     * confirmed one already: that is never replaced this way, so the setting cannot take over an
     * account whose coordinator enrolled their own. Run in a transaction.
     *
     * @return true when enrolled now
     */
    boolean enrol(UUID accountId, String base32Secret, String provisionedBy) {
        Instant now = clock.instant();
        boolean enrolled =
                jdbc.sql(
                                        """
                                        insert into account_second_factor
                                            (account_id, totp_secret, created_at, confirmed_at)
                                        values (:a, :secret, :now, :now)
                                        on conflict (account_id) do update
                                            set totp_secret = excluded.totp_secret,
                                                created_at = excluded.created_at,
                                                confirmed_at = excluded.confirmed_at,
                                                last_used_step = null
                                            where account_second_factor.confirmed_at is null
                                        """)
                                .param("a", accountId)
                                .param("secret", base32Secret)
                                .param("now", Timestamp.from(now))
                                .update()
                        > 0;
        if (enrolled) {
            audit.record(
                    AuditEntry.of(AuditActions.SECOND_FACTOR_ENROLLED, AuditOutcome.SUCCESS)
                            .on("account", accountId)
                            .with(Map.of("provisionedBy", provisionedBy)));
        }
        return enrolled;
    }
}
