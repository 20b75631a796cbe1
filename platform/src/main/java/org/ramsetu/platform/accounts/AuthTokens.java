package org.ramsetu.platform.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a successful login, verification or refresh answers.
 *
 * @param expiresIn seconds until the access token expires
 * @param recoveryCodes only in the answer that completes a coordinator's enrolment of a second
 *     factor: the single-use codes for a lost authenticator, shown this once
 */
public record AuthTokens(
        String accessToken,
        @Nullable String refreshToken,
        String tokenType,
        long expiresIn,
        UserView user,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> recoveryCodes) {

    public AuthTokens(
            String accessToken,
            String refreshToken,
            String tokenType,
            long expiresIn,
            UserView user) {
        this(accessToken, refreshToken, tokenType, expiresIn, user, null);
    }

    /** The same answer with the recovery codes of a just completed enrolment. */
    public AuthTokens withRecoveryCodes(List<String> codes) {
        return new AuthTokens(
                accessToken, refreshToken, tokenType, expiresIn, user, List.copyOf(codes));
    }

    @Override
    public String toString() {
        return "AuthTokens[" + user.id() + "]";
    }
}
