package org.ramsetu.platform.accounts;

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

    /** A new login: a new refresh-token family. Run in a transaction. */
    public AuthTokens startSession(Account account) {
        RefreshTokens.Started started = refreshTokens.startFamily(account.id());
        return withRefreshToken(account, started.familyId(), started.token());
    }

    /**
     * @param session the refresh-token family, named in the access token so that ending the session
     *     ends the token
     */
    public AuthTokens withRefreshToken(Account account, UUID session, String refreshToken) {
        return new AuthTokens(
                accessTokens.issue(account.id(), account.role(), session),
                refreshToken,
                "Bearer",
                accessTokens.lifetime().toSeconds(),
                UserView.of(account));
    }
}
