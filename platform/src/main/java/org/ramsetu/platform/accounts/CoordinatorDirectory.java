package org.ramsetu.platform.accounts;

import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;

/**
 * What other modules may ask about coordinators: whether an account is one, and whether it holds
 * the administrator right that manages transplant centres. Read from the database on every call, so
 * a grant or a revocation applies to the next request, whatever tokens are out.
 */
public class CoordinatorDirectory {

    private final AccountRepository accounts;

    CoordinatorDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Whether the account exists and is a coordinator (role ADMIN). */
    public boolean isCoordinator(AccountId account) {
        return accounts.find(account.value()).map(a -> a.role() == Role.ADMIN).orElse(false);
    }

    /** Whether the account is a coordinator with the administrator right. */
    public boolean isAdministrator(AccountId account) {
        return accounts.isAdministrator(account.value());
    }
}
