package org.ramsetu.platform.testing;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.platform.accounts.Account;
import org.ramsetu.platform.accounts.AccountRepository;
import org.ramsetu.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts stored directly, for tests of the parts that hang off an account. */
public final class TestAccounts {

    private TestAccounts() {}

    /**
     * @param verifiedAt when its e-mail was verified, or null for an unverified account
     * @return the new account's id
     */
    public static UUID insert(JdbcClient jdbc, Role role, Instant verifiedAt, Instant createdAt) {
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
