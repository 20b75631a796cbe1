package org.ramsetu.platform.security;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether the session an access token belongs to has ended: logout, password reset, refresh-token
 * reuse or a coordinator's "revoke sessions". Asked on every authenticated request, so it must be
 * cheap, and shared by every instance (the accounts module answers it from PostgreSQL).
 */
public interface SessionRevocations {

    /**
     * @param sessionId the token's {@code sid}; null for a token issued before sessions were named,
     *     which is then judged by its account: ended if any session of the account ended after it
     *     was issued
     * @param issuedAt the token's {@code iat}
     */
    boolean ended(UUID accountId, UUID sessionId, Instant issuedAt);
}
