package org.ramsetu.platform.accounts;

/**
 * What a successful login, verification or refresh answers.
 *
 * @param expiresIn seconds until the access token expires
 */
public record AuthTokens(
        String accessToken, String refreshToken, String tokenType, long expiresIn, UserView user) {

    @Override
    public String toString() {
        return "AuthTokens[" + user.id() + "]";
    }
}
