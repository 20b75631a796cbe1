package org.ramsetu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.identity.Role;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rotating the signing secret in three steps signs nobody out: every token issued at any step is
 * accepted by every instance configured for the step before, the same or the next.
 */
class AccessTokenRotationTest {

    private static final String OLD = "old-signing-secret-0123456789abcdefghijkl";
    private static final String NEW = "new-signing-secret-ZYXWVUTSRQ9876543210mn";

    /** Before: old signs. */
    private final TokenKeys before = new TokenKeys(OLD);

    /** Step 1: old signs, new is accepted everywhere. */
    private final TokenKeys acceptNew = new TokenKeys(OLD, List.of(NEW));

    /** Step 2: new signs, old is accepted. */
    private final TokenKeys signNew = new TokenKeys(NEW, List.of(OLD));

    /** Step 3, once the last old token has expired: new only. */
    private final TokenKeys after = new TokenKeys(NEW);

    @Test
    void eachStepAcceptsTheTokensOfItsNeighbours() {
        String fromBefore = issue(before);
        String fromStep1 = issue(acceptNew);
        String fromStep2 = issue(signNew);
        String fromAfter = issue(after);

        assertAccepted(acceptNew, fromBefore, fromStep1, fromStep2);
        assertAccepted(signNew, fromBefore, fromStep1, fromStep2, fromAfter);
        assertAccepted(after, fromStep2, fromAfter);
        assertRefused(after, fromBefore);
        assertRefused(before, fromStep2);
    }

    @Test
    void tokensNameTheirKeyWithoutRevealingIt() throws Exception {
        SignedJWT token = SignedJWT.parse(issue(signNew));

        assertThat(token.getHeader().getKeyID())
                .isEqualTo(signNew.signingKeyId())
                .isEqualTo(after.signingKeyId())
                .isNotEqualTo(before.signingKeyId())
                .matches("[0-9a-f]{12}")
                .doesNotContain(NEW.substring(0, 6));
        assertThat(signNew.verificationKeys()).hasSize(2);
    }

    @Test
    void aTokenWithoutKeyIdFromTheReleaseBeforeIsCheckedAgainstEveryAcceptedKey() throws Exception {
        Instant now = Instant.now();
        SignedJWT legacy =
                new SignedJWT(
                        new JWSHeader(JWSAlgorithm.HS256),
                        new JWTClaimsSet.Builder()
                                .issuer(AccessTokens.ISSUER)
                                .audience(AccessTokens.AUDIENCE)
                                .subject(UUID.randomUUID().toString())
                                .claim(AccessTokens.ROLE_CLAIM, "PATIENT")
                                .issueTime(Date.from(now))
                                .expirationTime(Date.from(now.plusSeconds(600)))
                                .build());
        legacy.sign(new MACSigner(before.accessTokenKey()));

        assertAccepted(signNew, legacy.serialize());
        assertRefused(after, legacy.serialize());
    }

    @Test
    void anUnknownKeyIdIsRefusedEvenWhenTheSignatureWouldMatchAnother() throws Exception {
        Instant now = Instant.now();
        SignedJWT relabelled =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("000000000000").build(),
                        new JWTClaimsSet.Builder()
                                .issuer(AccessTokens.ISSUER)
                                .audience(AccessTokens.AUDIENCE)
                                .subject(UUID.randomUUID().toString())
                                .claim(AccessTokens.ROLE_CLAIM, "DONOR")
                                .issueTime(Date.from(now))
                                .expirationTime(Date.from(now.plusSeconds(600)))
                                .build());
        relabelled.sign(new MACSigner(after.accessTokenKey()));

        assertRefused(after, relabelled.serialize());
    }

    private static String issue(TokenKeys keys) {
        return new AccessTokens(keys, Duration.ofMinutes(15), Clock.systemUTC())
                .issue(UUID.randomUUID(), Role.DONOR, UUID.randomUUID());
    }

    private static void assertAccepted(TokenKeys keys, String... tokens) {
        var decoder = new AccessTokens(keys, Duration.ofMinutes(15), Clock.systemUTC()).decoder();
        for (String token : tokens) {
            Jwt jwt = decoder.decode(token);
            assertThat(jwt.getClaimAsString(AccessTokens.ROLE_CLAIM)).isNotBlank();
        }
    }

    private static void assertRefused(TokenKeys keys, String token) {
        var decoder = new AccessTokens(keys, Duration.ofMinutes(15), Clock.systemUTC()).decoder();
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
    }
}
