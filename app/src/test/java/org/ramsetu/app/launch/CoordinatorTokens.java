package org.ramsetu.app.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.security.AccessTokens;
import org.ramsetu.platform.security.TokenKeys;

/** Access tokens as a coordinator would hold them, signed with a test instance's secret. */
final class CoordinatorTokens {

    private CoordinatorTokens() {}

    /** A coordinator who has just given the second factor. */
    static String signedWith(String secret) {
        return new AccessTokens(new TokenKeys(secret), Duration.ofMinutes(5), Clock.systemUTC())
                .issue(
                        UUID.randomUUID(),
                        Role.ADMIN,
                        UUID.randomUUID(),
                        Optional.of(Instant.now()));
    }

    static String donorSignedWith(String secret) {
        return new AccessTokens(new TokenKeys(secret), Duration.ofMinutes(5), Clock.systemUTC())
                .issue(UUID.randomUUID(), Role.DONOR, UUID.randomUUID());
    }
}
