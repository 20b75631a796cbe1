package org.ramsetu.platform.records;

import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;

/** Entity tags of registry records: the record's version, quoted (a strong validator). */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version named by an {@code If-Match} value; null for {@code *} (any version).
     *
     * @throws DomainException InvalidInput when the value is not one of our ETags
     */
    static Long parse(String ifMatch) {
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.field(
                "If-Match",
                "must be the ETag of the record as a GET returned it, e.g. \"3\" (weak or listed"
                        + " ETags are not accepted)");
    }
}
