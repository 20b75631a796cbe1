package org.ramsetu.platform.accounts;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.platform.identity.Role;

/** A person's account: one per e-mail address and role. */
public record Account(
        UUID id,
        String email,
        Role role,
        String fullName,
        String passwordHash,
        Instant verifiedAt,
        Instant createdAt) {

    public boolean verified() {
        return verifiedAt != null;
    }

    @Override
    public String toString() {
        // Never the password hash in logs or error messages.
        return "Account[" + id + ", " + role + "]";
    }
}
