package org.ramsetu.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.testing.MutableClock;
import org.ramsetu.platform.testing.TestAccounts;

/**
 * Two instances' caches on one real PostgreSQL: the instance that signs a session out stops its
 * tokens at once, the other within a notification, and neither misses a revocation while its
 * listening connection is down.
 */
class RevocationCacheIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private final MutableClock clock = new MutableClock();
    private RevokedSessions sessions;
    private RevocationCache here;
    private RevocationCache elsewhere;
    private RefreshTokens tokensHere;
    private UUID account;

    @BeforeEach
    void twoInstances() {
        sessions = new RevokedSessions(db.jdbc(), clock, Duration.ofDays(1));
        here = new RevocationCache(sessions, db.dataSource(), new SimpleMeterRegistry());
        elsewhere = new RevocationCache(sessions, db.dataSource(), new SimpleMeterRegistry());
        tokensHere =
                new RefreshTokens(
                        db.jdbc(),
                        clock,
                        Duration.ofDays(14),
                        Duration.ofDays(30),
                        here::accountChanged);
        account = TestAccounts.insert(db.jdbc(), Role.PATIENT, clock.instant(), clock.instant());
        awaitTrue("both caches listening", () -> here.live() && elsewhere.live());
    }

    @AfterEach
    void stop() {
        here.close();
        elsewhere.close();
    }

    @Test
    void theRevokingInstanceKnowsAtOnceAndTheOtherWithinANotification() {
        RefreshTokens.Started session = tokensHere.startFamily(account);
        RefreshTokens.Started other = tokensHere.startFamily(account);
        Instant issued = clock.instant();

        tokensHere.revokeFamilyOf(session.token());

        assertThat(here.ended(account, session.familyId(), issued)).isTrue();
        awaitTrue(
                "the other instance hears of it",
                () -> elsewhere.ended(account, session.familyId(), issued));
        assertThat(elsewhere.live()).as("answered from memory").isTrue();
        assertThat(elsewhere.ended(account, other.familyId(), issued)).isFalse();
    }

    @Test
    void tokensWithoutSessionAreJudgedByTheAccountsLatestRevocationInMemoryToo() {
        RefreshTokens.Started session = tokensHere.startFamily(account);
        Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        clock.advance(Duration.ofMinutes(1));

        tokensHere.revokeAll(account);
        clock.advance(Duration.ofMinutes(1));
        Instant after = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        awaitTrue("heard", () -> elsewhere.ended(account, session.familyId(), before));
        assertThat(here.ended(account, null, before)).isTrue();
        assertThat(elsewhere.ended(account, null, before)).isTrue();
        assertThat(elsewhere.ended(account, null, after)).isFalse();
    }

    @Test
    void aRevocationMadeWhileTheListenerIsDisconnectedIsStillSeen() {
        RefreshTokens.Started session = tokensHere.startFamily(account);
        Instant issued = clock.instant();
        // Cut every listening connection, as a failover or a proxy restart would.
        db.jdbc()
                .sql(
                        "select pg_terminate_backend(pid) from pg_stat_activity where query in"
                                + " ('select 1', 'listen "
                                + RevocationCache.CHANNEL
                                + "') and pid <> pg_backend_pid()")
                .query()
                .listOfRows();
        // Revoked the old way (another release, no local hint), while nobody may be listening.
        db.jdbc()
                .sql("update refresh_token set revoked_at = now() where family_id = :f")
                .param("f", session.familyId())
                .update();

        // Seen by query once the listener knows its connection is gone, from memory once it has
        // reloaded. Until it knows (its 0.5 s wait and 1 s ping), the cache still answers, and
        // a notification sent meanwhile was lost: that moment is the documented bound.
        long cut = System.nanoTime();
        awaitTrue("seen", () -> elsewhere.ended(account, session.familyId(), issued));
        assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThan(Duration.ofSeconds(5));
        awaitTrue("listening again", elsewhere::live);
        assertThat(elsewhere.ended(account, session.familyId(), issued)).isTrue();
    }

    @Test
    void aClosedCacheStillAnswersCorrectlyByQuery() {
        RefreshTokens.Started session = tokensHere.startFamily(account);
        Instant issued = clock.instant();
        elsewhere.close();

        tokensHere.revokeFamilyOf(session.token());

        assertThat(elsewhere.live()).isFalse();
        assertThat(elsewhere.ended(account, session.familyId(), issued)).isTrue();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 15 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
