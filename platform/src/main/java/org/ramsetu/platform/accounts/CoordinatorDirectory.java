package org.ramsetu.platform.accounts;

import java.util.Optional;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;

/**
 * What other modules may ask about coordinators: which account an e-mail names, and whether it
 * holds the administrator right that manages transplant centres. Read from the database on every
 * call, so a grant or a revocation applies to the next request, whatever tokens are out.
 */
public class CoordinatorDirectory {

    private final AccountRepository accounts;

    CoordinatorDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * The coordinator account of an e-mail address, in any case.
     *
     * @throws org.ramsetu.platform.kernel.DomainException InvalidInput naming {@code field} when
     *     the text is not an e-mail address
     */
    public Optional<AccountId> coordinator(String field, String email) {
        return accounts.find(EmailAddress.parse(field, email), Role.ADMIN)
                .map(a -> new AccountId(a.id()));
    }

    /** Whether the account is a coordinator with the administrator right. */
    public boolean isAdministrator(AccountId account) {
        return accounts.isAdministrator(account.value());
    }
}
