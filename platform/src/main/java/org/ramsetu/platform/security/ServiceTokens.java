package org.ramsetu.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ramsetu.infra.scoring.ScoringCredentials;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Service tokens: how the {@code api} and {@code worker} targets prove to the scoring target that
 * they are RamSetu (issue 23 item 1). HS256 JWTs under a key of their own derived from the shared
 * secret ({@link TokenKeys#serviceTokenKey()}), audience {@code ramsetu-scoring}, role {@code
 * SERVICE}, five minutes; a caller reuses one until a minute before it expires, so signing costs
 * nothing per call. They open the scoring API only: no user route accepts them, and the scoring
 * target accepts no other token but a coordinator's.
 */
public final class ServiceTokens implements ScoringCredentials {

    public static final String AUDIENCE = "ramsetu-scoring";
    public static final String ROLE = "SERVICE";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final TokenKeys keys;
    private final String caller;
    private final Clock clock;
    private volatile Issued current;

    private record Issued(String token, Instant expiresAt) {}

    /**
     * @param caller who calls, for the receiver's logs ({@code api}, {@code worker})
     */
    public ServiceTokens(TokenKeys keys, String caller, Clock clock) {
        this.keys = keys;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public Optional<String> bearerToken() {
        Issued issued = current;
        Instant now = clock.instant();
        if (issued == null || !now.isBefore(issued.expiresAt().minus(RENEW_BEFORE))) {
            issued = issue(now);
            current = issued;
        }
        return Optional.of(issued.token());
    }

    private Issued issue(Instant now) {
        String token =
                AccessTokens.sign(
                        keys.signingKeyId(),
                        keys.serviceTokenKey(),
                        AccessTokens.claims(AUDIENCE, "service:" + caller, ROLE, now, LIFETIME)
                                .build());
        return new Issued(token, now.plus(LIFETIME));
    }

    /** Checks service tokens: the service key, our issuer, the scoring audience, role SERVICE. */
    static JwtDecoder decoder(TokenKeys keys) {
        return AccessTokens.decoder(
                keys.serviceVerificationKeys(),
                AUDIENCE,
                "the token is not meant for the scoring API",
                jwt ->
                        ROLE.equals(jwt.getClaimAsString(AccessTokens.ROLE_CLAIM))
                                ? OAuth2TokenValidatorResult.success()
                                : AccessTokens.invalid("the token is no service token"));
    }
}
