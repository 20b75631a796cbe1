package org.ramsetu.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified access token into the request's authentication only while its session lives. The
 * signature and expiry prove the token was issued; only this check makes a logout, a password reset
 * or a revocation take effect before the token expires. Timed as {@code
 * ramsetu.security.session.check}, because it runs on every authenticated request.
 */
final class SessionCheckingConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Converter<Jwt, AbstractAuthenticationToken> delegate;
    private final SessionRevocations revocations;
    private final Timer timer;

    SessionCheckingConverter(
            Converter<Jwt, AbstractAuthenticationToken> delegate,
            SessionRevocations revocations,
            MeterRegistry meters) {
        this.delegate = delegate;
        this.revocations = revocations;
        this.timer =
                Timer.builder("ramsetu.security.session.check")
                        .description("Looking up whether an access token's session has ended")
                        .publishPercentileHistogram()
                        .register(meters);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID account = uuid(jwt.getSubject());
        String sid = jwt.getClaimAsString(AccessTokens.SESSION_CLAIM);
        UUID session = sid == null ? null : uuid(sid);
        boolean ended;
        Timer.Sample sample = Timer.start();
        try {
            ended = revocations.ended(account, session, jwt.getIssuedAt());
        } catch (DataAccessException e) {
            // Fail closed, but as "try again" (503), not as "log in again" (401).
            throw new SessionCheckUnavailableException(e);
        } finally {
            sample.stop(timer);
        }
        if (ended) {
            throw new SessionEndedException();
        }
        return delegate.convert(jwt);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("the token names no account or session");
        }
    }
}
