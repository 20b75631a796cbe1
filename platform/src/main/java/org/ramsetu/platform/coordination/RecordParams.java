package org.ramsetu.platform.coordination;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of a pledge or transplant-request export, as the lists take them (checked by {@code
 * ListingFilter.of} for pledges and requests).
 */
public record RecordParams(
        String status, String organ, String city, String state, String bloodGroup) {

    /** The parameters given, as the audit log records an export. */
    Map<String, String> given() {
        return given(
                "status",
                status,
                "organ",
                organ,
                "city",
                city,
                "state",
                state,
                "bloodGroup",
                bloodGroup);
    }

    static Map<String, String> given(String... namesAndValues) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isBlank()) {
                given.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return given;
    }
}
