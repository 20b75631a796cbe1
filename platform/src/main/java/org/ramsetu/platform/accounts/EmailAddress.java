package org.ramsetu.platform.accounts;

import java.util.Locale;
import java.util.regex.Pattern;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.VisibleText;

/**
 * An e-mail address as the person typed it (trimmed) and its look-up key (lower-case), so that
 * {@code Asha@Example.org} and {@code asha@example.org} are one identity.
 */
public record EmailAddress(String value, String key) {

    static final int MAX_LENGTH = 254;
    // Deliberately loose: one @, something on each side, a dot in the domain, no spaces or
    // controls.
    private static final Pattern SHAPE =
            Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+");

    /**
     * @throws DomainException InvalidInput naming {@code field} when the text is not an e-mail
     *     address
     */
    public static EmailAddress parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.field(field, "is required");
        }
        String value = VisibleText.normalized(text.strip());
        if (value.length() > MAX_LENGTH) {
            throw InvalidInput.field(field, "must be at most " + MAX_LENGTH + " characters");
        }
        value.codePoints()
                .filter(VisibleText::invisibleInIdentifiers)
                .findFirst()
                .ifPresent(
                        c -> {
                            throw InvalidInput.field(
                                    field,
                                    "holds an invisible character ("
                                            + VisibleText.describe(c)
                                            + "); type the address again");
                        });
        if (!SHAPE.matcher(value).matches() || !mailable(value)) {
            throw InvalidInput.field(field, "must be an e-mail address like name@example.org");
        }
        return new EmailAddress(value, keyOf(value));
    }

    /** Whether mail can be sent to it: every address accepted gets its code by e-mail. */
    private static boolean mailable(String value) {
        try {
            MailAddress.of(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The look-up key of an address already accepted by {@link #parse}. */
    public static String keyOf(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
