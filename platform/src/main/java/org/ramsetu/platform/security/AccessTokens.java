package org.ramsetu.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.ramsetu.platform.identity.Role;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Short-lived signed access tokens (JWT, HS256): subject = account id, claim {@code role}. They are
 * stateless, so every API instance checks them with the shared key and no database call.
 */
public final class AccessTokens {

    public static final String ISSUER = "ramsetu";
    public static final String AUDIENCE = "ramsetu-api";
    public static final String ROLE_CLAIM = "role";

    private final TokenKeys keys;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(TokenKeys keys, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(UUID accountId, Role role) {
        Instant now = clock.instant();
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .subject(accountId.toString())
                        .claim(ROLE_CLAIM, role.name())
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(lifetime)))
                        .jwtID(UUID.randomUUID().toString())
                        .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(keys.accessTokenKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks signature (HS256 only; {@code none} and other algorithms are refused), expiry, issuer,
     * audience and that the role is one we issue.
     */
    public JwtDecoder decoder() {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withSecretKey(keys.accessTokenKey())
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(
                        JwtValidators.createDefaultWithIssuer(ISSUER),
                        jwt ->
                                jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE)
                                        ? OAuth2TokenValidatorResult.success()
                                        : invalid("the token is not meant for the RamSetu API"),
                        jwt ->
                                Role.parse(jwt.getClaimAsString(ROLE_CLAIM)).isPresent()
                                        ? OAuth2TokenValidatorResult.success()
                                        : invalid("the token carries no known role")));
        return decoder;
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(
                List.of(new OAuth2Error("invalid_token", description, null)));
    }
}
