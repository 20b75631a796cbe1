package org.ramsetu.platform.accounts;

import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;

/**
 * Length first (NIST SP 800-63B): 12 to 128 characters, any character allowed, spaces and emoji
 * included, no composition rules. Refuses only what is plainly guessable: the e-mail address itself
 * or one character repeated.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /**
     * @throws DomainException InvalidInput naming {@code field} with what to change
     */
    public static void check(String field, String password, EmailAddress email) {
        if (password == null || password.isEmpty()) {
            throw InvalidInput.field(field, "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw InvalidInput.field(
                    field,
                    "must be "
                            + MIN_LENGTH
                            + " to "
                            + MAX_LENGTH
                            + " characters long (yours has "
                            + length
                            + "); any characters are allowed, so a few words with spaces work"
                            + " well");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw InvalidInput.field(field, "must not be one character repeated");
        }
        if (email != null && password.strip().equalsIgnoreCase(email.value())) {
            throw InvalidInput.field(field, "must not be your e-mail address");
        }
    }
}
