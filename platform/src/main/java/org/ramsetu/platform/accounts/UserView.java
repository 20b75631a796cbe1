package org.ramsetu.platform.accounts;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.platform.identity.Role;

/** An account as its owner sees it. */
public record UserView(
        UUID id, String email, Role role, String fullName, boolean verified, Instant createdAt) {

    public static UserView of(Account a) {
        return new UserView(a.id(), a.email(), a.role(), a.fullName(), a.verified(), a.createdAt());
    }
}
