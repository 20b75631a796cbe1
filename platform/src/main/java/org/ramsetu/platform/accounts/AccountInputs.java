package org.ramsetu.platform.accounts;

import java.util.regex.Pattern;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.VisibleText;

/** Checks of request fields shared by the account flows; each failure names its field. */
final class AccountInputs {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    static final int MAX_NAME = 200;

    private AccountInputs() {}

    static Role requiredRole(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.field("role", "is required (DONOR or PATIENT)");
        }
        return optionalRole(text);
    }

    /** Null when absent. */
    static Role optionalRole(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Role.parse(text)
                .orElseThrow(
                        () ->
                                InvalidInput.field(
                                        "role", "must be DONOR or PATIENT, not '" + text + "'"));
    }

    static Role selfServiceRole(String text) {
        Role role = requiredRole(text);
        if (!role.selfService()) {
            throw InvalidInput.field(
                    "role",
                    "coordinator accounts cannot be created by sign-up; choose DONOR or PATIENT");
        }
        return role;
    }

    static String code(String text) {
        if (text == null || !SIX_DIGITS.matcher(text.strip()).matches()) {
            throw InvalidInput.field("code", "must be the 6 digits from the e-mail");
        }
        return text.strip();
    }

    static String fullName(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.field("fullName", "is required");
        }
        String name = VisibleText.normalized(text.strip());
        if (name.length() > MAX_NAME) {
            throw InvalidInput.field("fullName", "must be at most " + MAX_NAME + " characters");
        }
        int invisible = VisibleText.firstInvisibleInWords(name);
        if (invisible >= 0) {
            throw InvalidInput.field(
                    "fullName",
                    "must be one line of visible characters (holds "
                            + VisibleText.describe(invisible)
                            + ")");
        }
        return name;
    }

    static String requiredPassword(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw InvalidInput.field(field, "is required");
        }
        return text;
    }
}
