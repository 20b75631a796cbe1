package org.ramsetu.platform.accounts;

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
        return withRefreshToken(account, refreshTokens.startFamily(account.id()));
    }

    public AuthTokens withRefreshToken(Account account, String refreshToken) {
        return new AuthTokens(
                accessTokens.issue(account.id(), account.role()),
                refreshToken,
                "Bearer",
                accessTokens.lifetime().toSeconds(),
                UserView.of(account));
    }
}
