package org.ramsetu.platform.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who an account is. {@code ADMIN} is the coordinator; it is never self-service. */
public enum Role {
    DONOR,
    PATIENT,
    ADMIN;

    /** The role named in a request, e.g. {@code "donor"}; empty for an unknown name. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The role a token or a stored record names, spelt exactly as issued ({@code "ADMIN"}); unlike
     * {@link #parse} it accepts no other case or spacing, so a hand-made {@code "admin"} is nobody.
     */
    public static Optional<Role> exactly(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** Roles a person may choose at sign-up. */
    public boolean selfService() {
        return this != ADMIN;
    }

    /**
     * Whether signing in as this role takes a second factor, and its sensitive actions a recent
     * one: coordinators, who read and decide for everyone.
     */
    public boolean needsSecondFactor() {
        return this == ADMIN;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
