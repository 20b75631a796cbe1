package org.ramsetu.platform.registry.common;

import java.util.List;
import java.util.Locale;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.blood.Rh;
import org.ramsetu.platform.kernel.Fields;
import org.springframework.modulith.NamedInterface;

/**
 * The blood group filter of coordinator lists: a full group ({@code O+}, {@code AB NEG}) matches
 * exactly; an ABO group alone ({@code O}, {@code AB}) matches both Rh factors, since Rh is no
 * allocation criterion (docs/domain.md).
 */
@NamedInterface("vocabulary")
public final class BloodGroupFilter {

    private BloodGroupFilter() {}

    /** The stored blood groups that match; null for no filter. */
    public static List<String> groups(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (Abo abo : Abo.values()) {
            if (abo.name().equals(key) && text.endsWith(" ")) {
                // An unencoded "O+" in a query string arrives as "O " ('+' decodes to a blank).
                return List.of(BloodGroup.of(abo, Rh.POSITIVE).toString());
            }
            if (abo.name().equals(key)) {
                return List.of(
                        BloodGroup.of(abo, Rh.POSITIVE).toString(),
                        BloodGroup.of(abo, Rh.NEGATIVE).toString());
            }
        }
        return List.of(Fields.renamed(field, () -> BloodGroup.parse(text)).toString());
    }
}
