package org.ramsetu.platform.accounts;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts stored directly, for tests of the parts that hang off an account. */
final class TestAccounts {

    private TestAccounts() {}

    /**
     * @param verifiedAt when its e-mail was verified, or null for an unverified account
     * @return the new account's id
     */
    static UUID insert(JdbcClient jdbc, Role role, Instant verifiedAt, Instant createdAt) {
        UUID id = UUID.randomUUID();
        new AccountRepository(jdbc)
                .insertIfAbsent(
                        new Account(
                                id,
                                id + "@example.org",
                                role,
                                "Test",
                                "hash",
                                verifiedAt,
                                createdAt));
        return id;
    }
}
