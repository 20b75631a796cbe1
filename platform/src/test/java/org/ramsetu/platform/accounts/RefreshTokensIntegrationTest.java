package org.ramsetu.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.testing.MutableClock;
import org.ramsetu.platform.testing.TestAccounts;
import org.springframework.transaction.support.TransactionTemplate;

/** Rotating refresh tokens on a real PostgreSQL: rotation, theft detection, expiry, login cap. */
class RefreshTokensIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private final MutableClock clock = new MutableClock();
    private RefreshTokens tokens;
    private TransactionTemplate tx;
    private UUID account;

    @BeforeEach
    void anAccount() {
        tokens = new RefreshTokens(db.jdbc(), clock, Duration.ofDays(14), Duration.ofDays(30));
        tx = db.transactions();
        account = TestAccounts.insert(db.jdbc(), Role.PATIENT, clock.instant(), clock.instant());
    }

    @Test
    void eachRefreshGivesANewTokenAndRetiresTheOld() {
        String first = tokens.startFamily(account).token();

        var rotated = (RefreshTokens.Rotation.Rotated) rotate(first);

        assertThat(rotated.accountId()).isEqualTo(account);
        assertThat(rotated.newToken()).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(43);
        assertThat(rotate(rotated.newToken())).isInstanceOf(RefreshTokens.Rotation.Rotated.class);
    }

    @Test
    void presentingARetiredTokenRevokesTheWholeFamilyButNotOtherLogins() {
        String stolen = tokens.startFamily(account).token();
        String otherDevice = tokens.startFamily(account).token();
        String current = ((RefreshTokens.Rotation.Rotated) rotate(stolen)).newToken();

        var reuse = rotate(stolen);

        assertThat(reuse).isInstanceOf(RefreshTokens.Rotation.Reused.class);
        assertThat(rotate(current)).isInstanceOf(RefreshTokens.Rotation.Invalid.class);
        assertThat(rotate(otherDevice)).isInstanceOf(RefreshTokens.Rotation.Rotated.class);
    }

    @Test
    void anUnusedTokenExpiresAndALoginEndsAfterThirtyDaysWhateverItsRefreshes() {
        String idle = tokens.startFamily(account).token();
        String active = tokens.startFamily(account).token();
        for (int day = 0; day < 29; day++) {
            clock.advance(Duration.ofDays(1));
            active = ((RefreshTokens.Rotation.Rotated) rotate(active)).newToken();
        }

        clock.advance(Duration.ofDays(1));

        assertThat(rotate(idle)).isInstanceOf(RefreshTokens.Rotation.Invalid.class);
        assertThat(rotate(active)).isInstanceOf(RefreshTokens.Rotation.Invalid.class);
    }

    @Test
    void unknownAndMalformedTokensAreSimplyInvalid() {
        assertThat(rotate("not-a-token")).isInstanceOf(RefreshTokens.Rotation.Invalid.class);
        assertThat(rotate("")).isInstanceOf(RefreshTokens.Rotation.Invalid.class);
        assertThat(rotate("x".repeat(5000))).isInstanceOf(RefreshTokens.Rotation.Invalid.class);
    }

    private RefreshTokens.Rotation rotate(String token) {
        return tx.execute(s -> tokens.rotate(token));
    }
}
