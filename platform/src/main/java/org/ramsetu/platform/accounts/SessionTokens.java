package org.ramsetu.platform.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.security.AccessTokens;

/** Issues the access and refresh token pair of a signed-in account. */
public class SessionTokens {

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    public SessionTokens(AccessTokens accessTokens, RefreshTokens refreshTokens) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    /** A new login without a second factor: a new refresh-token family. Run in a transaction. */
    public AuthTokens startSession(Account account) {
        return startSession(account, Optional.empty());
    }

    /**
     * A new login: a new refresh-token family. Run in a transaction.
     *
     * @param secondFactorAt when the login's second factor was checked, if it had one
     */
    public AuthTokens startSession(Account account, Optional<Instant> secondFactorAt) {
        RefreshTokens.Started started = refreshTokens.startFamily(account.id(), secondFactorAt);
        return withRefreshToken(account, started.familyId(), started.token(), secondFactorAt);
    }

    /**
     * @param session the refresh-token family, named in the access token so that ending the session
     *     ends the token
     */
    public AuthTokens withRefreshToken(
            Account account, UUID session, String refreshToken, Optional<Instant> secondFactorAt) {
        return new AuthTokens(
                accessTokens.issue(account.id(), account.role(), session, secondFactorAt),
                refreshToken,
                "Bearer",
                accessTokens.lifetime().toSeconds(),
                UserView.of(account));
    }

    /** A new access token alone, for a login that just checked its second factor again. */
    public AccessToken accessToken(Account account, UUID session, Instant secondFactorAt) {
        return new AccessToken(
                accessTokens.issue(
                        account.id(), account.role(), session, Optional.of(secondFactorAt)),
                "Bearer",
                accessTokens.lifetime().toSeconds());
    }

    /** An access token without its refresh token (the login keeps the one it has). */
    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
        @Override
        public String toString() {
            return "AccessToken[…]";
        }
    }
}
