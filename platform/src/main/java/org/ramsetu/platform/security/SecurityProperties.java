package org.ramsetu.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings ({@code ramsetu.security.*}); the defaults are the secure choice.
 *
 * @param corsAllowedOrigins origins allowed to call the API from a browser (e.g. the CDN hosting
 *     the web app); empty means same-origin only
 * @param scoringApi who may call the scoring API {@code /v1/**} on this target: {@code OPEN} on the
 *     internal scoring target, {@code COORDINATOR} where it shares a port with the public API
 * @param maxBodySize the largest request body of the platform API (uploads excepted)
 * @param maxScoringBodySize the largest body of the scoring API (up to 20,000 candidates)
 * @param refreshTokenLifetime how long an unused refresh token stays valid
 * @param loginLifetime how long a login lasts at most, however often it is refreshed
 * @param contentSecurityPolicy the CSP header for every response (the web UI's pages included)
 * @param secondFactorChallengeLifetime how long a coordinator has, after the right password, to
 *     give the code of the second factor
 * @param secondFactorStepUpWindow how long after the last second-factor check a coordinator may
 *     take a sensitive action before being asked for a code again
 */
@ConfigurationProperties("ramsetu.security")
public record SecurityProperties(
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("COORDINATOR") ScoringApiAccess scoringApi,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("16MB") DataSize maxScoringBodySize,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("14d") Duration refreshTokenLifetime,
        @DefaultValue("30d") Duration loginLifetime,
        @DefaultValue("60s") Duration codeResendCooldown,
        @DefaultValue(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                                + " img-src 'self' data: https://tile.openstreetmap.org;"
                                + " connect-src 'self'; font-src 'self'; object-src 'none';"
                                + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
                String contentSecurityPolicy,
        @DefaultValue("5m") Duration secondFactorChallengeLifetime,
        @DefaultValue("1h") Duration secondFactorStepUpWindow) {

    /** Who may call the scoring API ({@code /v1/**}) of this target. */
    public enum ScoringApiAccess {
        /** Anyone: only for a benchmark on loopback, never in a deployment. */
        OPEN,
        /** Coordinators ({@code all}, where the API shares the public port). */
        COORDINATOR,
        /** Coordinators and the other targets' service tokens (the scoring target). */
        SERVICE
    }
}
