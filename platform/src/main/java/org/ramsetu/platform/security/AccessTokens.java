package org.ramsetu.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.ramsetu.platform.identity.Role;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Short-lived signed access tokens (JWT, HS256): subject = account id, claims {@code role} and
 * {@code sid} (the session: the login's refresh-token family). The signature is checked with the
 * shared key; whether the session still lives is asked of {@link SessionRevocations} on each
 * request, so signing out takes effect at once.
 */
public final class AccessTokens {

    public static final String ISSUER = "ramsetu";
    public static final String AUDIENCE = "ramsetu-api";
    public static final String ROLE_CLAIM = "role";
    public static final String SESSION_CLAIM = "sid";

    /**
     * When the login's second factor was last checked (seconds since the epoch), on coordinators'
     * tokens; sensitive actions want it recent ({@link RecentSecondFactorFilter}).
     */
    public static final String SECOND_FACTOR_CLAIM = "mfa";

    /** The audience of the short-lived proof that a password was right, pending a second factor. */
    static final String CHALLENGE_AUDIENCE = "ramsetu-second-factor";

    private final TokenKeys keys;
    private final Duration lifetime;
    private final Clock clock;
    private final JwtDecoder challenges;

    public AccessTokens(TokenKeys keys, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.lifetime = lifetime;
        this.clock = clock;
        // The keys are fixed for the life of the process (rotation restarts it), so one decoder
        // serves every sign-in.
        this.challenges =
                decoder(
                        keys.verificationKeys(),
                        CHALLENGE_AUDIENCE,
                        "not a sign-in challenge",
                        any -> OAuth2TokenValidatorResult.success());
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * @param sessionId the login the token belongs to; signing it out ends the token
     */
    public String issue(UUID accountId, Role role, UUID sessionId) {
        return issue(accountId, role, sessionId, Optional.empty());
    }

    /**
     * @param secondFactorAt when this login's second factor was last checked, if it has one
     */
    public String issue(
            UUID accountId, Role role, UUID sessionId, Optional<Instant> secondFactorAt) {
        JWTClaimsSet.Builder claims =
                claims(AUDIENCE, accountId.toString(), role.name(), clock.instant(), lifetime)
                        .claim(SESSION_CLAIM, sessionId.toString());
        secondFactorAt.ifPresent(at -> claims.claim(SECOND_FACTOR_CLAIM, at.getEpochSecond()));
        return sign(keys.signingKeyId(), keys.accessTokenKey(), claims.build());
    }

    /**
     * A proof, valid for {@code lifetime}, that {@code accountId} gave the right password: what the
     * second step of a coordinator's sign-in presents with the code. Signed like access tokens but
     * for another audience, so neither passes for the other.
     */
    public String issueChallenge(UUID accountId, Role role, Duration lifetime) {
        return sign(
                keys.signingKeyId(),
                keys.accessTokenKey(),
                claims(
                                CHALLENGE_AUDIENCE,
                                accountId.toString(),
                                role.name(),
                                clock.instant(),
                                lifetime)
                        .build());
    }

    /** The account a challenge of {@link #issueChallenge} was made for, if it is valid still. */
    public Optional<UUID> challengedAccount(String challenge) {
        if (challenge == null || challenge.isBlank() || challenge.length() > 2_000) {
            return Optional.empty();
        }
        try {
            Jwt jwt = challenges.decode(challenge);
            return Optional.of(UUID.fromString(jwt.getSubject()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The second-factor time a verified access token carries, if any. */
    public static Optional<Instant> secondFactorAt(Jwt token) {
        Object value = token.getClaims().get(SECOND_FACTOR_CLAIM);
        return value instanceof Number seconds
                ? Optional.of(Instant.ofEpochSecond(seconds.longValue()))
                : Optional.empty();
    }

    /** The claims every token we issue carries. */
    static JWTClaimsSet.Builder claims(
            String audience, String subject, String role, Instant now, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(subject)
                .claim(ROLE_CLAIM, role)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** HS256 with {@code key}, named {@code keyId} in the header. */
    static String sign(String keyId, SecretKey key, JWTClaimsSet claims) {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .type(JOSEObjectType.JWT)
                                .keyID(keyId)
                                .build(),
                        claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks signature (HS256 only; {@code none} and other algorithms are refused), expiry (which
     * must be present, as must the issue time), issuer, audience, and that the role is one we
     * issue, spelt exactly as we issue it.
     */
    public JwtDecoder decoder() {
        return decoder(
                keys.verificationKeys(),
                AUDIENCE,
                "the token is not meant for the RamSetu API",
                jwt ->
                        Role.exactly(jwt.getClaimAsString(ROLE_CLAIM)).isPresent()
                                ? OAuth2TokenValidatorResult.success()
                                : invalid("the token carries no known role"));
    }

    /**
     * An HS256 decoder over {@code keys} that also requires our issuer, {@code audience}, an expiry
     * and an issue time, then {@code more}.
     */
    static JwtDecoder decoder(
            List<Map.Entry<String, SecretKey>> keys,
            String audience,
            String wrongAudience,
            OAuth2TokenValidator<Jwt> more) {
        List<JWK> verifying =
                keys.stream()
                        .<JWK>map(
                                key ->
                                        new OctetSequenceKey.Builder(key.getValue())
                                                .keyID(key.getKey())
                                                .algorithm(JWSAlgorithm.HS256)
                                                .keyUse(KeyUse.SIGNATURE)
                                                .build())
                        .toList();
        // The header's kid picks the key; a token without one (issued before keys had ids) is
        // tried against each accepted key. HS256 only.
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(
                        JWSAlgorithm.HS256, new ImmutableJWKSet<>(new JWKSet(verifying))));
        // The claims are validated below by Spring, with its error messages.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(
                        JwtValidators.createDefaultWithIssuer(ISSUER),
                        jwt ->
                                jwt.getAudience() != null && jwt.getAudience().contains(audience)
                                        ? OAuth2TokenValidatorResult.success()
                                        : invalid(wrongAudience),
                        jwt ->
                                jwt.getExpiresAt() != null && jwt.getIssuedAt() != null
                                        ? OAuth2TokenValidatorResult.success()
                                        : invalid("the token has no expiry or issue time"),
                        more));
        return decoder;
    }

    static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(
                List.of(new OAuth2Error("invalid_token", description, null)));
    }
}
