package org.ramsetu.infra.mail;

/** Checks for values that end up in a mail header, where a line break would inject headers. */
final class HeaderValues {

    static final int MAX_LENGTH = 900;

    private HeaderValues() {}

    static String requireSingleLine(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(
                    what + " must be one line (a line break would inject mail headers)");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    what + " must be at most " + MAX_LENGTH + " characters");
        }
        return value;
    }
}
