package org.ramsetu.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.DirectWorkContext;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.testing.MutableClock;
import org.ramsetu.platform.testing.TestAccounts;

/**
 * Ended sessions on a real PostgreSQL: the database records every revoked refresh-token family,
 * whoever revoked it, and the per-request check reads that record.
 */
class RevokedSessionsIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private final MutableClock clock = new MutableClock();
    private RefreshTokens tokens;
    private RevokedSessions sessions;
    private UUID account;

    @BeforeEach
    void anAccount() {
        tokens = new RefreshTokens(db.jdbc(), clock, Duration.ofDays(14), Duration.ofDays(30));
        sessions = new RevokedSessions(db.jdbc(), clock, Duration.ofDays(1));
        account = TestAccounts.insert(db.jdbc(), Role.DONOR, clock.instant(), clock.instant());
    }

    @Test
    void aSignedOutSessionEndsAndTheAccountsOtherSessionLives() {
        RefreshTokens.Started phone = tokens.startFamily(account);
        RefreshTokens.Started laptop = tokens.startFamily(account);
        Instant issued = clock.instant();

        tokens.revokeFamilyOf(phone.token());

        assertThat(sessions.ended(account, phone.familyId(), issued)).isTrue();
        assertThat(sessions.ended(account, laptop.familyId(), issued)).isFalse();
        assertThat(sessions.ended(UUID.randomUUID(), phone.familyId(), issued))
                .as("a session id under another account is not that account's")
                .isFalse();
    }

    @Test
    void revokingEveryLoginAndAReusedRefreshTokenEndTheirSessions() {
        RefreshTokens.Started first = tokens.startFamily(account);
        RefreshTokens.Started second = tokens.startFamily(account);
        RefreshTokens.Started third = tokens.startFamily(account);
        Instant issued = clock.instant();
        var tx = db.transactions();

        tx.execute(s -> tokens.rotate(third.token()));
        tx.execute(s -> tokens.rotate(third.token()));
        assertThat(sessions.ended(account, third.familyId(), issued)).as("reuse").isTrue();
        assertThat(sessions.ended(account, first.familyId(), issued)).isFalse();

        assertThat(tokens.revokeAll(account)).isEqualTo(2);
        assertThat(sessions.ended(account, first.familyId(), issued)).isTrue();
        assertThat(sessions.ended(account, second.familyId(), issued)).isTrue();
    }

    @Test
    void aRevocationWrittenTheOldWayIsRecordedByTheDatabase() {
        RefreshTokens.Started session = tokens.startFamily(account);

        // What the release before this one does on logout: it knows nothing of revoked_session.
        db.jdbc()
                .sql("update refresh_token set revoked_at = now() where family_id = :f")
                .param("f", session.familyId())
                .update();

        assertThat(sessions.ended(account, session.familyId(), clock.instant())).isTrue();
    }

    @Test
    void aTokenWithoutSessionEndsWhenAnySessionOfItsAccountEndedAfterItWasIssued() {
        RefreshTokens.Started session = tokens.startFamily(account);
        Instant issuedBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        clock.advance(Duration.ofMinutes(1));
        Instant revokedAt = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        Instant issuedAfter = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        assertThat(sessions.ended(account, null, issuedBefore)).isFalse();
        db.jdbc()
                .sql("update refresh_token set revoked_at = :at where family_id = :f")
                .param("at", Timestamp.from(revokedAt))
                .param("f", session.familyId())
                .update();

        assertThat(sessions.ended(account, null, issuedBefore)).isTrue();
        assertThat(sessions.ended(account, null, issuedAfter)).isFalse();
    }

    @Test
    void thePurgeForgetsOnlySessionsNoLiveTokenCanName() {
        RefreshTokens.Started old = tokens.startFamily(account);
        tokens.revokeFamilyOf(old.token());
        clock.advance(Duration.ofDays(2));
        RefreshTokens.Started recent = tokens.startFamily(account);
        tokens.revokeFamilyOf(recent.token());
        var tx = db.transactions();

        sessions.purge(
                DirectWorkContext.recurring(SessionsConfiguration.PURGE, clock.instant(), tx));

        assertThat(count(old.familyId())).isZero();
        assertThat(count(recent.familyId())).isOne();
    }

    private long count(UUID family) {
        return db.jdbc()
                .sql("select count(*) from revoked_session where family_id = :f")
                .param("f", family)
                .query(Long.class)
                .single();
    }
}
