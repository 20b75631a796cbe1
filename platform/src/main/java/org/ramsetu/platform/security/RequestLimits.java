package org.ramsetu.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.ramsetu.infra.crypto.Sha256;
import org.ramsetu.infra.ratelimit.RateLimitDecision;
import org.ramsetu.infra.ratelimit.RateLimiter;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.TooManyAttempts;

/**
 * The platform's named rate limits (configured as {@code ramsetu.rate-limits.limits.<name>.*}),
 * applied through the rate-limit port. A refusal is a 429 with {@code Retry-After}, and is audited.
 */
public class RequestLimits {

    public static final String LOGIN = "login";
    public static final String SIGNUP = "signup";
    public static final String CODE_VERIFICATION = "code-verification";
    public static final String CODE_REQUEST = "code-request";
    public static final String API = "api";

    /** Codes of a coordinator's second factor, per account whatever the caller's address. */
    public static final String SECOND_FACTOR = "second-factor";

    /** Codes sent to one account, whatever the caller's address: caps guessing across addresses. */
    public static final String ACCOUNT_CODES = "account-codes";

    /**
     * One verification code per e-mail and role per cool-down, counted whether or not such an
     * account exists, so that asking twice answers the same for every address.
     */
    public static final String CODE_COOLDOWN = "code-cooldown";

    private final RateLimiter limiter;
    private final AuditLog audit;

    public RequestLimits(RateLimiter limiter, AuditLog audit) {
        this.limiter = limiter;
        this.audit = audit;
    }

    /**
     * @throws DomainException TooManyAttempts when the bucket of {@code key} under {@code limit} is
     *     empty
     */
    public void take(String limit, String key, String auditAction) {
        take(limit, key, auditAction, Map.of());
    }

    /**
     * @param facts what the audit entry of a refusal should say about the target (e.g. the e-mail
     *     address a login was attempted for)
     */
    public void take(String limit, String key, String auditAction, Map<String, ?> facts) {
        RateLimitDecision decision = tryTake(limit, key);
        if (!decision.allowed()) {
            Map<String, Object> detail = new java.util.HashMap<>(facts);
            detail.put("limit", limit);
            audit.record(AuditEntry.of(auditAction, AuditOutcome.DENIED).with(detail));
            throw new TooManyAttempts(
                    "too many attempts; " + decision.tryAgainIn(), decision.retryAfter());
        }
    }

    /** Like {@link #take} but answers instead of throwing, for filters. */
    public RateLimitDecision tryTake(String limit, String key) {
        return limiter.tryConsume(limit, bucketKey(key));
    }

    // Hashed: bounded length whatever the e-mail address, and no addresses in Redis.
    private static String bucketKey(String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Sha256.of(key.getBytes(StandardCharsets.UTF_8)));
    }
}
